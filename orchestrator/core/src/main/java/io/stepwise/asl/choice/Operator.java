package io.stepwise.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * The comparison operators of JSONPath Choice rules. A comparison whose value is not of the
 * operator's type is false, never an error: {@code NumericEquals} on a string is false.
 */
public enum Operator {
  STRING_EQUALS("StringEquals", Kind.STRING, c -> c == 0),
  STRING_LESS_THAN("StringLessThan", Kind.STRING, c -> c < 0),
  STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, c -> c > 0),
  STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, c -> c <= 0),
  STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, c -> c >= 0),
  STRING_MATCHES("StringMatches", Kind.GLOB, null),
  NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, c -> c == 0),
  NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, c -> c < 0),
  NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, c -> c > 0),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, c -> c <= 0),
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, c -> c >= 0),
  BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, c -> c == 0),
  TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, c -> c == 0),
  TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, c -> c < 0),
  TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, c -> c > 0),
  TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, c -> c <= 0),
  TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, c -> c >= 0),
  IS_NULL("IsNull", v -> v.isNull()),
  IS_PRESENT("IsPresent", v -> v != null),
  IS_NUMERIC("IsNumeric", v -> v.isNumber()),
  IS_STRING("IsString", v -> v.isTextual()),
  IS_BOOLEAN("IsBoolean", v -> v.isBoolean()),
  IS_TIMESTAMP("IsTimestamp", v -> Timestamps.parse(v) != null);

  /** What an operator compares, which is also the type its literal operand must have. */
  public enum Kind {
    STRING,
    GLOB,
    NUMERIC,
    BOOLEAN,
    TIMESTAMP,
    /** IsNull, IsPresent, ...: a boolean operand saying whether the type test should hold */
    TYPE_TEST
  }

  private final String field;
  private final Kind kind;
  private final IntPredicate order;
  private final Predicate<JsonNode> typeTest;

  Operator(String field, Kind kind, IntPredicate order) {
    this.field = field;
    this.kind = kind;
    this.order = order;
    this.typeTest = null;
  }

  Operator(String field, Predicate<JsonNode> typeTest) {
    this.field = field;
    this.kind = Kind.TYPE_TEST;
    this.order = null;
    this.typeTest = typeTest;
  }

  /** The field name in a rule, e.g. {@code NumericEquals}. */
  public String field() {
    return field;
  }

  public Kind kind() {
    return kind;
  }

  /** True when a {@code ...Path} form exists (all but StringMatches and the type tests). */
  public boolean hasPathForm() {
    return kind != Kind.GLOB && kind != Kind.TYPE_TEST;
  }

  /** True when {@code operand} may stand as this operator's literal operand. */
  public boolean acceptsLiteral(JsonNode operand) {
    return switch (kind) {
      case STRING, GLOB -> operand.isTextual();
      case NUMERIC -> operand.isNumber();
      case BOOLEAN, TYPE_TEST -> operand.isBoolean();
      case TIMESTAMP -> Timestamps.parse(operand) != null;
    };
  }

  /**
   * Applies the operator to the Variable's value and the operand's value. {@code value} is null
   * only for IsPresent (the caller fails the state for any other operator).
   */
  public boolean test(JsonNode value, JsonNode operand) {
    return switch (kind) {
      case STRING -> value.isTextual() && operand.isTextual()
          && order.test(value.textValue().compareTo(operand.textValue()));
      case GLOB -> value.isTextual() && operand.isTextual()
          && StringGlob.matches(operand.textValue(), value.textValue());
      case NUMERIC -> value.isNumber() && operand.isNumber()
          && order.test(compareNumbers(value, operand));
      case BOOLEAN -> value.isBoolean() && operand.isBoolean()
          && order.test(Boolean.compare(value.booleanValue(), operand.booleanValue()));
      case TIMESTAMP -> compareTimestamps(value, operand);
      case TYPE_TEST -> typeTest.test(value) == operand.booleanValue();
    };
  }

  /** Integers exactly; anything else as IEEE 754 doubles, as Step Functions documents (1 == 1.0, -0.0 == 0). */
  private static int compareNumbers(JsonNode a, JsonNode b) {
    if (a.isIntegralNumber() && b.isIntegralNumber()) {
      // Ints and longs compare as they are; only a BigInteger needs the exact, boxed comparison.
      if (a.canConvertToLong() && b.canConvertToLong()) return Long.compare(a.longValue(), b.longValue());
      return a.bigIntegerValue().compareTo(b.bigIntegerValue());
    }
    double x = a.doubleValue();
    double y = b.doubleValue();
    return x < y ? -1 : x > y ? 1 : 0;
  }

  private boolean compareTimestamps(JsonNode value, JsonNode operand) {
    Instant left = Timestamps.parse(value);
    Instant right = Timestamps.parse(operand);
    return left != null && right != null && order.test(left.compareTo(right));
  }
}
