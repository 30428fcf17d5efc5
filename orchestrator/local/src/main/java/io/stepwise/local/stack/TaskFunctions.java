package io.stepwise.local.stack;

import io.stepwise.local.lambda.FunctionConfig;
import io.stepwise.local.lambda.LocalLambdaHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The template's task functions (those whose CodeUri is the functions module's jar), registered
 * on the local Lambda host with their Handler, Timeout and MemorySize.
 *
 * <p>Handlers run in this JVM, where there are no per-function environment variables, so each
 * {@code STEPWISE_X_Y} variable is handed over as the system property {@code stepwise.x.y}, which
 * the functions read first (their {@code Settings}); the properties are set only while the
 * handler is constructed, since that is when the functions read them.
 */
final class TaskFunctions {
  /** The CodeUri that marks a task function; the orchestrator's own jar is not hosted. */
  static final String TASK_FUNCTIONS_JAR = "functions/target/stepwise-functions.jar";

  /** One hosted function: its logical id and the names it answers to (logical id, then FunctionName). */
  record Hosted(String logicalId, List<String> names, String handler) {}

  private TaskFunctions() {}

  /**
   * Registers every task function and defines {@code !Ref X} (its name) and {@code !GetAtt X.Arn}.
   *
   * @param defaults system properties every handler sees at construction unless its template
   *     environment says otherwise (e.g. the local Step Functions endpoint)
   */
  static List<Hosted> register(StackTemplate template, LocalValues values, LocalLambdaHost host,
      Map<String, String> defaults) {
    List<Hosted> hosted = new ArrayList<>();
    for (String id : template.ofType("AWS::Serverless::Function")) {
      String codeUri = values.text(template.functionProperty(id, "CodeUri"));
      if (codeUri == null || !codeUri.replace('\\', '/').endsWith(TASK_FUNCTIONS_JAR)) continue;
      String handler = values.text(template.functionProperty(id, "Handler"));
      List<String> names = new ArrayList<>(List.of(id));
      String functionName = values.text(template.properties(id).get("FunctionName"));
      if (functionName != null && !functionName.equals(id)) names.add(functionName);
      String alias = values.text(template.properties(id).get("AutoPublishAlias"));
      for (String name : names) {
        FunctionConfig config = FunctionConfig.of(name, handler)
            .withTimeout(Duration.ofSeconds(number(values, template.functionProperty(id, "Timeout"), 3)))
            .withMemoryMb(number(values, template.functionProperty(id, "MemorySize"), FunctionConfig.DEFAULT_MEMORY_MB));
        if (alias != null) config = config.withAliases(alias);
        Map<String, String> properties = new LinkedHashMap<>(defaults);
        properties.put("stepwise.function.name", name); // AWS_LAMBDA_FUNCTION_NAME, which Lambda sets
        properties.putAll(systemProperties(template, values, id));
        FunctionConfig registered = config;
        withSystemProperties(properties, () -> host.register(registered));
      }
      String primary = names.get(names.size() - 1);
      values.define(id, primary);
      values.define(id + ".Arn", host.functionArn(primary));
      if (alias != null) values.define(id + ".Alias", host.functionArn(primary) + ":" + alias);
      hosted.add(new Hosted(id, List.copyOf(names), handler));
    }
    return hosted;
  }

  /** {@code STEPWISE_DICE_SEED} becomes {@code stepwise.dice.seed}; variables the functions do not read are skipped. */
  static String propertyName(String variable) {
    if (!variable.startsWith("STEPWISE_")) return null;
    return variable.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  private static Map<String, String> systemProperties(StackTemplate template, LocalValues values, String id) {
    Map<String, String> properties = new LinkedHashMap<>();
    template.functionEnvironment(id).forEach((variable, value) -> {
      String property = propertyName(variable);
      if (property != null) properties.put(property, values.text(value));
    });
    return properties;
  }

  /** Sets the properties, runs {@code work}, then puts every property back as it was. */
  private static synchronized void withSystemProperties(Map<String, String> properties, Runnable work) {
    Map<String, String> previous = new HashMap<>();
    properties.keySet().forEach(key -> previous.put(key, System.getProperty(key)));
    try {
      properties.forEach(System::setProperty);
      work.run();
    } finally {
      previous.forEach((key, value) -> {
        if (value == null) System.clearProperty(key);
        else System.setProperty(key, value);
      });
    }
  }

  private static int number(LocalValues values, Object value, int fallback) {
    String text = values.text(value);
    if (text == null) return fallback;
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a number in the template, got " + text, e);
    }
  }
}
