package io.stepwise.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import function.DoublesRolledError;
import function.MaxDepthError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS docs' random-error function, the task of the seed state machine.
 *
 * <p>Input (events/event.json): {@code {"max-depth": 5, "current-depth": 0, "error-rate": 0.2}};
 * missing fields take those values, other fields are passed on untouched. Each run:
 * <ol>
 *   <li>rolls two dice with {@code round(1 / error-rate)} sides each (so doubles come up with
 *       probability error-rate; error-rate must be in (0, 1]);
 *   <li>adds one to current-depth;
 *   <li>if the new depth reaches max-depth, throws {@code function.MaxDepthError};
 *   <li>if the dice show doubles, throws {@code function.DoublesRolledError};
 *   <li>otherwise invokes itself asynchronously (InvocationType Event) with its input and the new
 *       current-depth, and returns {@code {"current-depth": N, "dice": [a, b]}}.
 * </ol>
 * Step Functions sees the exceptions' class names as the errors (see the {@code function} package).
 *
 * <p>Handler: {@code io.stepwise.functions.RandomErrorFunction::handleRequest}. Environment:
 * {@code AWS_LAMBDA_FUNCTION_NAME} (set by Lambda) names the function to invoke; when absent the
 * invocation context's function name is used. {@code STEPWISE_DICE_SEED} makes the dice
 * deterministic. The Lambda endpoint follows {@code AWS_ENDPOINT_URL_LAMBDA} /
 * {@code AWS_ENDPOINT_URL} (see {@link LambdaSelfInvoker}).
 */
public final class RandomErrorFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  static final int DEFAULT_MAX_DEPTH = 5;
  static final int DEFAULT_CURRENT_DEPTH = 0;
  static final double DEFAULT_ERROR_RATE = 0.2;

  private final Dice dice;
  private final SelfInvoker invoker;
  private final String ownName;

  /** Lambda's constructor: real dice (seeded if STEPWISE_DICE_SEED is set) and a real LambdaClient. */
  public RandomErrorFunction() {
    this(Dice.fromEnvironment(), LambdaSelfInvoker.fromEnvironment(),
        Settings.get("stepwise.function.name", "AWS_LAMBDA_FUNCTION_NAME"));
  }

  /** For tests: the function invokes the name in its invocation context. */
  public RandomErrorFunction(Dice dice, SelfInvoker invoker) {
    this(dice, invoker, null);
  }

  RandomErrorFunction(Dice dice, SelfInvoker invoker, String ownName) {
    this.dice = dice;
    this.invoker = invoker;
    this.ownName = ownName;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Map<String, Object> input = event == null ? Map.of() : event;
    int maxDepth = Inputs.integer(input, "max-depth", DEFAULT_MAX_DEPTH);
    int currentDepth = Inputs.integer(input, "current-depth", DEFAULT_CURRENT_DEPTH);
    double errorRate = Inputs.number(input, "error-rate", DEFAULT_ERROR_RATE);
    int sides = sides(errorRate);

    // The docs' order: roll first, then the depth check wins over doubles.
    int first = dice.roll(sides);
    int second = dice.roll(sides);
    int depth = currentDepth + 1;
    if (depth >= maxDepth) {
      throw new MaxDepthError("Maximum depth reached");
    }
    if (first == second) {
      throw new DoublesRolledError("Rolled doubles: " + first + " and " + second);
    }

    Map<String, Object> next = new LinkedHashMap<>(input);
    next.put("current-depth", depth);
    invoker.invokeAsync(functionName(context), next);

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("current-depth", depth);
    result.put("dice", List.of(first, second));
    return result;
  }

  /** round(1 / error-rate): 5 sides for the docs' 0.2, so doubles come up one time in five. */
  static int sides(double errorRate) {
    if (!(errorRate > 0 && errorRate <= 1)) {
      throw new IllegalArgumentException("error-rate must be greater than 0 and at most 1, got " + errorRate);
    }
    return (int) Math.round(1 / errorRate);
  }

  private String functionName(Context context) {
    if (ownName != null) {
      return ownName;
    }
    if (context != null && context.getFunctionName() != null) {
      return context.getFunctionName();
    }
    throw new IllegalStateException("no function name to invoke: AWS_LAMBDA_FUNCTION_NAME is not set"
        + " and the invocation has no context");
  }
}
