package io.stepwise.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * EventBridge's event pattern matching: every field of the pattern must match the event's field;
 * a leaf is a list of alternatives, each a literal (string, number, boolean, null) or a content
 * filter ({@code prefix}, {@code suffix}, {@code equals-ignore-case}, {@code wildcard},
 * {@code anything-but}, {@code numeric}, {@code exists}); {@code $or} takes a list of patterns.
 * An array in the event matches when any of its elements does.
 */
public final class EventPattern {
  private EventPattern() {}

  public static boolean matches(JsonNode pattern, JsonNode event) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equals("$or")) {
        boolean any = false;
        for (JsonNode alternative : field.getValue()) any |= matches(alternative, event);
        if (!any) return false;
        continue;
      }
      JsonNode value = event == null ? null : event.get(field.getKey());
      JsonNode rule = field.getValue();
      if (rule.isObject()) {
        if (value == null || !value.isObject() || !matches(rule, value)) return false;
      } else if (!matchesLeaf(rule, value)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesLeaf(JsonNode alternatives, JsonNode value) {
    for (JsonNode alternative : alternatives) {
      if (alternative.isObject() && alternative.has("exists")) {
        boolean exists = value != null && !(value.isArray() && value.isEmpty());
        if (exists == alternative.get("exists").asBoolean()) return true;
        continue;
      }
      if (value == null) continue;
      if (value.isArray()) {
        for (JsonNode element : value) if (matchesOne(alternative, element)) return true;
      } else if (matchesOne(alternative, value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesOne(JsonNode rule, JsonNode value) {
    if (!rule.isObject()) return same(rule, value);
    Map.Entry<String, JsonNode> filter = rule.fields().next();
    JsonNode argument = filter.getValue();
    String text = value.isTextual() ? value.textValue() : null;
    return switch (filter.getKey()) {
      case "prefix" -> argument.isObject()
          ? text != null && text.toLowerCase(Locale.ROOT).startsWith(argument.path("equals-ignore-case").asText().toLowerCase(Locale.ROOT))
          : text != null && text.startsWith(argument.asText());
      case "suffix" -> argument.isObject()
          ? text != null && text.toLowerCase(Locale.ROOT).endsWith(argument.path("equals-ignore-case").asText().toLowerCase(Locale.ROOT))
          : text != null && text.endsWith(argument.asText());
      case "equals-ignore-case" -> text != null && text.equalsIgnoreCase(argument.asText());
      case "wildcard" -> text != null && wildcard(argument.asText()).matcher(text).matches();
      case "anything-but" -> !anythingBut(argument, value);
      case "numeric" -> value.isNumber() && numeric(argument, value.decimalValue());
      case "cidr" -> false; // IP ranges: not needed by state machine rules; never matches rather than guessing
      default -> false;
    };
  }

  /** True when the value is one of what anything-but excludes. */
  private static boolean anythingBut(JsonNode excluded, JsonNode value) {
    if (excluded.isArray()) {
      for (JsonNode one : excluded) if (same(one, value)) return true;
      return false;
    }
    if (excluded.isObject()) return matchesOne(excluded, value);
    return same(excluded, value);
  }

  private static boolean numeric(JsonNode conditions, BigDecimal number) {
    for (int i = 0; i + 1 < conditions.size(); i += 2) {
      int compared = number.compareTo(conditions.get(i + 1).decimalValue());
      boolean holds = switch (conditions.get(i).asText()) {
        case "=" -> compared == 0;
        case "<" -> compared < 0;
        case "<=" -> compared <= 0;
        case ">" -> compared > 0;
        case ">=" -> compared >= 0;
        default -> false;
      };
      if (!holds) return false;
    }
    return true;
  }

  private static boolean same(JsonNode literal, JsonNode value) {
    if (literal.isNull()) return value.isNull();
    if (literal.isNumber() && value.isNumber()) return literal.decimalValue().compareTo(value.decimalValue()) == 0;
    return literal.equals(value);
  }

  private static Pattern wildcard(String glob) {
    StringBuilder regex = new StringBuilder();
    String[] parts = glob.split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) regex.append(".*");
      regex.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
