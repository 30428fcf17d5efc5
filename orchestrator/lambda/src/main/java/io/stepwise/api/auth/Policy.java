package io.stepwise.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an access key may do, as IAM statements say it: {@code Effect} Allow or Deny,
 * {@code Action} ({@code states:StartExecution}, {@code states:Describe*}, {@code states:*}) and
 * {@code Resource} (ARNs, {@code *} and {@code ?} as wildcards). A request is allowed when an
 * Allow statement matches and no Deny does. Actions match in any case, resources exactly.
 */
public record Policy(List<Statement> statements) {
  public record Statement(boolean allow, List<String> actions, List<String> resources) {}

  public Policy {
    statements = List.copyOf(statements);
  }

  public boolean allows(String action, String resource) {
    boolean allowed = false;
    for (Statement s : statements) {
      boolean matches = s.actions().stream().anyMatch(a -> glob(a.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT)))
          && s.resources().stream().anyMatch(r -> glob(r, resource));
      if (matches && !s.allow()) return false;
      allowed |= matches;
    }
    return allowed;
  }

  /** @throws IllegalArgumentException naming what is wrong with the statements */
  public static Policy fromJson(JsonNode statements) {
    if (statements == null || !statements.isArray()) throw new IllegalArgumentException("Statement must be an array");
    List<Statement> parsed = new ArrayList<>();
    for (JsonNode s : statements) {
      String effect = s.path("Effect").asText("");
      if (!effect.equals("Allow") && !effect.equals("Deny")) throw new IllegalArgumentException("Effect must be Allow or Deny");
      parsed.add(new Statement(effect.equals("Allow"), strings(s.get("Action"), "Action"), strings(s.get("Resource"), "Resource")));
    }
    return new Policy(parsed);
  }

  public ArrayNode toJson() {
    ArrayNode out = Json.array();
    for (Statement s : statements) {
      var statement = out.addObject().put("Effect", s.allow() ? "Allow" : "Deny");
      s.actions().forEach(statement.putArray("Action")::add);
      s.resources().forEach(statement.putArray("Resource")::add);
    }
    return out;
  }

  private static List<String> strings(JsonNode node, String field) {
    if (node != null && node.isTextual()) return List.of(node.asText());
    if (node == null || !node.isArray() || node.isEmpty()) throw new IllegalArgumentException(field + " must be a string or a list");
    List<String> values = new ArrayList<>();
    node.forEach(v -> values.add(v.asText()));
    return values;
  }

  static boolean glob(String pattern, String text) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '*') regex.append(".*");
      else if (c == '?') regex.append('.');
      else regex.append(Pattern.quote(String.valueOf(c)));
    }
    return Pattern.matches(regex.toString(), text);
  }
}
