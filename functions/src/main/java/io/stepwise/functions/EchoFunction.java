package io.stepwise.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Returns its input: a task to test state machines with.
 *
 * <p>Input: any JSON object. These control fields steer it and are left out of the output:
 * <ul>
 *   <li>{@code "sleepMillis": N} waits N ms first (a slow task, for TimeoutSeconds tests);
 *   <li>{@code "fail": {"errorType": "...", "message": "..."}} then throws instead of returning.
 *       If errorType names a RuntimeException class on the function's classpath with a public
 *       (String) constructor, such as {@code function.DoublesRolledError} or
 *       {@code java.lang.IllegalStateException}, that class is thrown and Step Functions sees
 *       exactly errorType as the error (Java Lambda's errorType is the class name). Any other
 *       errorType (e.g. {@code Custom.Error}) throws {@link TaskFailure}: Step Functions sees the
 *       error {@code io.stepwise.functions.TaskFailure}, with "Custom.Error: message" in the Cause.
 *   <li>{@code "transform": "upper" | "lower"} changes the case of every string value, at any
 *       depth (keys are kept as they are).
 * </ul>
 * Output: the input without the control fields, transformed.
 *
 * <p>Handler: {@code io.stepwise.functions.EchoFunction::handleRequest}.
 */
public final class EchoFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  static final Set<String> CONTROL_FIELDS = Set.of("sleepMillis", "fail", "transform");

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Map<String, Object> input = event == null ? Map.of() : event;
    UnaryOperator<String> transform = transform(Inputs.string(input, "transform"));
    Map<String, Object> fail = Inputs.object(input, "fail");
    Sleep.millis(Inputs.integer(input, "sleepMillis", 0));
    if (fail != null) {
      throw failure(Inputs.string(fail, "errorType"), Inputs.string(fail, "message"));
    }
    Map<String, Object> output = new LinkedHashMap<>();
    input.forEach((key, value) -> {
      if (!CONTROL_FIELDS.contains(key)) {
        output.put(key, apply(value, transform));
      }
    });
    return output;
  }

  private static UnaryOperator<String> transform(String name) {
    if (name == null) {
      return UnaryOperator.identity();
    }
    return switch (name) {
      case "upper" -> s -> s.toUpperCase(Locale.ROOT);
      case "lower" -> s -> s.toLowerCase(Locale.ROOT);
      default -> throw new IllegalArgumentException("transform must be upper or lower, got " + name);
    };
  }

  @SuppressWarnings("unchecked")
  private static Object apply(Object value, UnaryOperator<String> transform) {
    if (value instanceof String s) {
      return transform.apply(s);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, apply(v, transform)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(apply(item, transform)));
      return copy;
    }
    return value; // numbers, booleans, null
  }

  /** The exception to throw for "fail": errorType's own class when it can be, else TaskFailure. */
  static RuntimeException failure(String errorType, String message) {
    String type = errorType == null ? TaskFailure.class.getName() : errorType;
    String text = message == null ? "EchoFunction was asked to fail" : message;
    try {
      // initialize=false: a name from the input must not run static initializers unless it is
      // a RuntimeException we are going to throw.
      Class<?> found = Class.forName(type, false, EchoFunction.class.getClassLoader());
      if (RuntimeException.class.isAssignableFrom(found) && !Modifier.isAbstract(found.getModifiers())) {
        Constructor<?> constructor = found.getConstructor(String.class);
        return (RuntimeException) constructor.newInstance(text);
      }
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // not a class we can throw with a message: fall through to TaskFailure
    }
    return new TaskFailure(type, text);
  }
}
