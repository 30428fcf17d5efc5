package io.stepwise.eval.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.eval.Scope;
import io.stepwise.eval.Sources;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The evaluated arguments of one call, with typed accessors that fail the way Step Functions
 * does ({@code Invalid arguments in States.X}) when an argument has the wrong type.
 */
final class Args {
  private final Expr.Call call;
  private final JsonNode[] values;
  private final Scope scope;

  /** @param values the evaluated arguments, none null; owned by this from now on */
  Args(Expr.Call call, JsonNode[] values, Scope scope) {
    this.call = call;
    this.values = values;
    this.scope = scope;
  }

  int size() {
    return values.length;
  }

  JsonNode get(int i) {
    return values[i];
  }

  List<JsonNode> all() {
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  /** How argument {@code i} was written. */
  Expr expr(int i) {
    return call.args().get(i);
  }

  /** The step's time and randomness. */
  Sources sources() {
    return scope.sources();
  }

  /** Argument {@code i} as JSON text. */
  String printed(int i) {
    return scope.print(get(i));
  }

  String string(int i) {
    JsonNode value = get(i);
    if (!value.isTextual()) throw invalid();
    return value.textValue();
  }

  boolean bool(int i) {
    JsonNode value = get(i);
    if (!value.isBoolean()) throw invalid();
    return value.booleanValue();
  }

  ArrayNode array(int i) {
    JsonNode value = get(i);
    if (!value.isArray()) throw invalid();
    return (ArrayNode) value;
  }

  ObjectNode object(int i) {
    JsonNode value = get(i);
    if (!value.isObject()) throw invalid();
    return (ObjectNode) value;
  }

  /** A number cut to an int towards zero, for indexes and seeds (the docs do not say). */
  int truncatedInt(int i) {
    return toInt(number(i));
  }

  /**
   * A number rounded half up to an int, as MathAdd reads its operands (recorded on AWS) and
   * MathRandom, ArrayRange and ArrayPartition their bounds and sizes (the docs say so).
   */
  int roundedInt(int i) {
    double value = number(i);
    return Double.isFinite(value) ? toInt(Math.round(value)) : toInt(value);
  }

  private double number(int i) {
    JsonNode value = get(i);
    if (!value.isNumber()) throw invalid();
    return value.doubleValue();
  }

  private int toInt(double value) {
    if (!(value > Integer.MIN_VALUE - 1.0 && value < Integer.MAX_VALUE + 1.0)) throw invalid();
    return (int) value;
  }

  /** The failure for an argument this function cannot take. */
  IntrinsicException invalid() {
    return IntrinsicException.invalidArguments(call.function().name());
  }
}
