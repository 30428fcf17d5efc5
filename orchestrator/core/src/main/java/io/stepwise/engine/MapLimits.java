package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;
import java.math.BigDecimal;

/**
 * A Map's MaxConcurrencyPath, ToleratedFailureCountPath, ToleratedFailurePercentagePath and MaxItemsPath
 * values, checked as Step Functions checks them: a string of digits counts as its number; a
 * value of another type (or a fraction where an integer is due) fails the state with
 * States.Runtime naming the value and the path, and an out-of-range number with AWS's own cause.
 */
final class MapLimits {
  private MapLimits() {}

  /** The limit {@code field} (ending in "Path") gives through {@code path}. */
  static double fromPath(String field, String path, JsonNode value) {
    return switch (field) {
      case "MaxConcurrencyPath" -> maxConcurrency(value, path);
      case "ToleratedFailureCountPath" -> toleratedCount(value, path);
      case "ToleratedFailurePercentagePath" -> toleratedPercentage(value, path);
      case "MaxItemsPath" -> maxItems(value, path);
      default -> throw new IllegalArgumentException("not a Map limit: " + field);
    };
  }

  private static long maxConcurrency(JsonNode value, String path) {
    Long n = integer(value);
    if (n == null) throw notValid("MaxConcurrencyPath", value, "integer", path);
    if (n < 0) throw StatesError.runtime("Expected non-negative integer for MaxConcurrency, got '" + n + "' instead.");
    return n;
  }

  /** ReaderConfig.MaxItemsPath: an integer (0: no limit); a negative one fails the Map Run (DistributedMap). */
  private static long maxItems(JsonNode value, String path) {
    Long n = integer(value);
    if (n == null) throw notValid("MaxItemsPath", value, "integer", path);
    return n;
  }

  private static long toleratedCount(JsonNode value, String path) {
    Long n = integer(value);
    if (n == null) throw notValid("ToleratedFailureCountPath", value, "integer", path);
    if (n < 0) throw StatesError.runtime("ToleratedFailureCount cannot be negative.");
    return n;
  }

  private static double toleratedPercentage(JsonNode value, String path) {
    Long fromText = value.isTextual() ? integer(value) : null;
    if (fromText == null && !value.isNumber()) throw notValid("ToleratedFailurePercentagePath", value, "float", path);
    double n = fromText != null ? fromText : value.doubleValue();
    if (n < 0 || n > 100) throw StatesError.runtime("ToleratedFailurePercentage must be between 0 and 100.");
    return n;
  }

  /** An integral number, or a string holding one; otherwise null. */
  static Long integer(JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) return value.longValue();
    if (!value.isTextual()) return null;
    try {
      return new BigDecimal(value.textValue().trim()).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private static StatesError notValid(String field, JsonNode value, String kind, String path) {
    String text = value.isTextual() ? value.textValue() : Json.write(value);
    return StatesError.runtime("The " + field + " field refers to value \"" + text + "\" which is not a valid "
        + kind + ": " + path);
  }
}
