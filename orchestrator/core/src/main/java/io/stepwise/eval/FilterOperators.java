package io.stepwise.eval;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stepwise.json.Json;
import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Jayway's word operators and regex match in filters ({@code @.tag in ['a','b']},
 * {@code @.name =~ /ab.+/i}): Step Functions evaluates JSONPath with Jayway, so it accepts them
 * wherever a full path is allowed.
 */
final class FilterOperators {
  static final Set<String> WORDS = Set.of("in", "nin", "subsetof", "anyof", "noneof", "size", "empty", "contains");
  private static final ObjectMapper LENIENT = Json.mapper().copy()
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES.mappedFeature());

  private FilterOperators() {}

  /** A literal operand as Jayway writes it: JSON, with strings in single or double quotes. */
  static JsonNode literal(String text) {
    try {
      return LENIENT.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException("Invalid filter literal: " + text);
    }
  }

  /** {@code /pattern/flags}, with Jayway's flag letters. */
  static Pattern regex(String token) {
    int end = token.lastIndexOf('/');
    if (!token.startsWith("/") || end < 1) throw new IllegalArgumentException("Invalid filter regex: " + token);
    int flags = 0;
    for (char f : token.substring(end + 1).toCharArray()) {
      flags |= switch (f) {
        case 'c' -> Pattern.CANON_EQ;
        case 'd' -> Pattern.UNIX_LINES;
        case 'i' -> Pattern.CASE_INSENSITIVE;
        case 'm' -> Pattern.MULTILINE;
        case 's' -> Pattern.DOTALL;
        case 'u' -> Pattern.UNICODE_CASE;
        case 'U' -> Pattern.UNICODE_CHARACTER_CLASS;
        case 'x' -> Pattern.COMMENTS;
        default -> throw new IllegalArgumentException("Invalid filter regex flag: " + token);
      };
    }
    return Pattern.compile(token.substring(1, end), flags);
  }

  /** Jayway's RegexpEvaluator: the whole string must match. */
  static boolean matches(JsonNode value, Pattern pattern) {
    return value != null && value.isTextual() && pattern.matcher(value.textValue()).matches();
  }

  static boolean test(String op, JsonNode left, JsonNode right) {
    // A missing left side is in no list, so it is not in any (Jayway's NotInEvaluator).
    if (left == null && right != null && op.equals("nin")) return right.isArray();
    if (left == null || right == null) return false;
    return switch (op) {
      case "in" -> contains(right, left);
      case "nin" -> right.isArray() && !contains(right, left);
      case "contains" -> left.isTextual() && right.isTextual()
          ? left.textValue().contains(right.textValue()) : left.isArray() && contains(left, right);
      case "size" -> right.isNumber() && (left.isArray() ? left.size() == right.asInt()
          : left.isTextual() && left.textValue().length() == right.asInt());
      case "empty" -> right.isBoolean() && (left.isArray() || left.isTextual())
          && (left.isArray() ? left.isEmpty() : left.textValue().isEmpty()) == right.booleanValue();
      case "subsetof" -> left.isArray() && right.isArray() && all(left, right, true);
      case "anyof" -> left.isArray() && right.isArray() && !all(left, right, false);
      case "noneof" -> left.isArray() && right.isArray() && all(left, right, false);
      default -> throw new IllegalStateException(op);
    };
  }

  /** Whether every element of {@code items} is ({@code in}) or is not (!{@code in}) in {@code of}. */
  private static boolean all(JsonNode items, JsonNode of, boolean in) {
    for (JsonNode item : items) if (contains(of, item) != in) return false;
    return true;
  }

  private static boolean contains(JsonNode array, JsonNode value) {
    if (!array.isArray()) return false;
    for (JsonNode item : array) if (equal(value, item)) return true;
    return false;
  }

  /**
   * Jayway's ==: numbers by value; a number and a string decided by the left operand, a number
   * left against the string read as a number, a string left against the number's text; any other
   * pair as JSON values.
   */
  static boolean equal(JsonNode left, JsonNode right) {
    if (left.isNumber() && right.isNumber()) return left.decimalValue().compareTo(right.decimalValue()) == 0;
    if (left.isTextual() && right.isNumber()) return left.textValue().equals(right.decimalValue().toString());
    if (left.isNumber() && right.isTextual()) {
      try {
        return left.decimalValue().compareTo(new BigDecimal(right.textValue())) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return left.equals(right);
  }
}
