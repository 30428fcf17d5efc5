package io.stepwise.tests.template;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * (2) Every Handler in template.yml is a public method of a class built by the module whose jar
 * the function's CodeUri names.
 */
class TemplateHandlersTest {
  /** CodeUri (the prebuilt, shaded jar) to the module directory that builds it. */
  private static final Map<String, String> MODULES = Map.of(
      "orchestrator/lambda/target/stepwise-lambda.jar", "orchestrator/lambda",
      "functions/target/stepwise-functions.jar", "functions");
  private static final Template TEMPLATE = Template.load();

  static Stream<String> functions() {
    return TEMPLATE.ofType("AWS::Serverless::Function").stream();
  }

  @Test
  void givenTemplate_thenItDeclaresFunctions() {
    assertFalse(TEMPLATE.ofType("AWS::Serverless::Function").isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void givenFunction_whenHandlerLookedUp_thenPublicMethodOfItsJarsModule(String function) throws Exception {
    String handler = (String) TEMPLATE.functionProperty(function, "Handler");
    String codeUri = (String) TEMPLATE.functionProperty(function, "CodeUri");
    String module = MODULES.get(codeUri);
    if (module == null) fail(function + ": CodeUri " + codeUri + " is not one of the prebuilt jars " + MODULES.keySet());
    String[] parts = handler.split("::", 2);

    Class<?> type;
    try {
      type = Class.forName(parts[0], false, getClass().getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(function + ": handler class " + parts[0] + " does not exist", e);
    }

    String method = parts.length > 1 ? parts[1] : "handleRequest";
    assertTrue(Arrays.stream(type.getMethods()).map(Method::getName).anyMatch(method::equals),
        function + ": " + parts[0] + " has no public method " + method);
    assertTrue(Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers()),
        function + ": " + parts[0] + " must be a public concrete class");
    type.getConstructor(); // Lambda instantiates the handler with its no-argument constructor
    assertBuiltBy(type, module, codeUri);
  }

  /** The class comes from the module's target/ (a reactor build) or from its installed jar. */
  private static void assertBuiltBy(Class<?> type, String module, String codeUri) throws URISyntaxException {
    Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
    Path moduleTarget = Template.repoRoot().resolve(module).resolve("target").toAbsolutePath();
    String artifact = Path.of(codeUri).getFileName().toString().replace(".jar", "");
    assertTrue(location.startsWith(moduleTarget) || location.getFileName().toString().startsWith(artifact),
        type.getName() + " comes from " + location + ", not from " + module + " (" + codeUri + ")");
  }
}
