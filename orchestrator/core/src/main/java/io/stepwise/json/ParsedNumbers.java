package io.stepwise.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.math.BigDecimal;

/**
 * How parsed JSON decimals are held: as doubles, the way Step Functions reads a payload (its
 * intrinsics print an object argument as a Java map, {@code {Arg1=1, Arg2=[]}}, so its values are
 * Jackson's plain Java types). So {@code 1e3} is written back as {@code 1000.0}, {@code 1.50} as
 * {@code 1.5} and {@code 0.1000000000000000055} as {@code 0.1}; integers of any size stay exact.
 *
 * <p>A decimal beyond a double's range stays a BigDecimal: as a double it would print as
 * {@code Infinity}, which is no JSON, and a stored record holding it could not be read back.
 */
final class ParsedNumbers extends JsonNodeFactory {
  private static final long serialVersionUID = 1L;

  ParsedNumbers() {
    super(true);
  }

  @Override
  public ValueNode numberNode(BigDecimal value) {
    if (value == null) return nullNode();
    double d = value.doubleValue();
    return Double.isFinite(d) ? numberNode(d) : super.numberNode(value);
  }
}
