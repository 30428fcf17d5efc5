package io.stepwise.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${Key}} placeholders in a state machine definition, as
 * {@code AWS::Serverless::StateMachine}'s DefinitionSubstitutions does, but on the parsed JSON so
 * the result is always valid JSON:
 * <ul>
 *   <li>a string that is exactly one placeholder whose value is a JSON object or array becomes
 *       that object or array ({@code "Payload": "${Payload}"} with the docs' payload);
 *   <li>any other placeholder is replaced as text inside its string (or field name);
 *   <li>a placeholder with no value is a problem, reported with its JSON pointer: a typo fails
 *       the deploy instead of reaching an execution.
 * </ul>
 */
public final class DefinitionSubstitutions {
  /** The diagnostic code of a placeholder that has no substitution. */
  public static final String UNRESOLVED = "UNRESOLVED_SUBSTITUTION";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

  private final Map<String, String> values;
  private final List<Diagnostic> problems = new ArrayList<>();

  private DefinitionSubstitutions(Map<String, String> values) {
    this.values = values;
  }

  /** The substituted definition (a new tree) and the placeholders that had no value. */
  public record Result(JsonNode definition, List<Diagnostic> problems) {}

  public static Result apply(JsonNode definition, Map<String, String> values) {
    DefinitionSubstitutions substitutions = new DefinitionSubstitutions(Map.copyOf(values));
    JsonNode result = substitutions.node(definition.deepCopy(), "");
    return new Result(result, List.copyOf(substitutions.problems));
  }

  private JsonNode node(JsonNode node, String pointer) {
    if (node.isTextual()) return text(node.textValue(), pointer);
    if (node instanceof ObjectNode object) {
      ObjectNode out = Json.NODES.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String key = replace(field.getKey(), pointer + "/" + escape(field.getKey()));
        out.set(key, node(field.getValue(), pointer + "/" + escape(key)));
      }
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = Json.NODES.arrayNode();
      for (int i = 0; i < array.size(); i++) out.add(node(array.get(i), pointer + "/" + i));
      return out;
    }
    return node;
  }

  private JsonNode text(String text, String pointer) {
    Matcher whole = PLACEHOLDER.matcher(text);
    if (whole.matches() && values.containsKey(whole.group(1))) {
      JsonNode structured = structured(values.get(whole.group(1)));
      if (structured != null) return structured;
    }
    return TextNode.valueOf(replace(text, pointer));
  }

  private String replace(String text, String pointer) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String key = matcher.group(1);
      String value = values.get(key);
      if (value == null) {
        problems.add(new Diagnostic(UNRESOLVED, pointer,
            "${" + key + "} has no value in DefinitionSubstitutions"));
        value = matcher.group();
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** The value as a JSON object or array, or null when it is anything else. */
  private static JsonNode structured(String value) {
    String trimmed = value.strip();
    if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) return null;
    try {
      JsonNode parsed = Json.parse(trimmed);
      return parsed.isContainerNode() ? parsed : null;
    } catch (IllegalArgumentException notJson) {
      return null;
    }
  }

  /** JSON pointer escaping (RFC 6901). */
  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
