package io.stepwise.integrations.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A service's shapes, trimmed (see the generator): enough to turn Step Functions' PascalCase
 * parameters into the API's wire names and its responses back, leaving map keys (user data) as
 * they are. {@link #NONE} is for services whose wire names already are their PascalCase names.
 */
public final class Shapes {
  public static final Shapes NONE = new Shapes(null);

  private final JsonNode shapes;

  Shapes(JsonNode shapes) {
    this.shapes = shapes;
  }

  public boolean known() {
    return shapes != null;
  }

  /** The trimmed shape (t: type, m: members, e: list element, k/v: map key and value), or null. */
  public JsonNode shape(String name) {
    return shapes == null || name == null ? null : shapes.get(name);
  }

  /** Step Functions' name for a member: the model's name with its first letter upper-cased. */
  public static String pascal(String member) {
    return member.isEmpty() ? member : Character.toUpperCase(member.charAt(0)) + member.substring(1);
  }

  /** The model's member of {@code structure} that a parameter named {@code key} means, or null. */
  public static String member(JsonNode structure, String key) {
    JsonNode members = structure.path("m");
    if (members.has(key)) return key;
    for (Iterator<String> it = members.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (pascal(name).equals(key)) return name;
    }
    return null;
  }

  public static String wireName(JsonNode structure, String member) {
    return structure.path("m").path(member).path("n").asText(member);
  }

  /** A JSON body from Step Functions' parameters: PascalCase names to wire names. */
  public JsonNode toWire(JsonNode value, String shapeName) {
    JsonNode shape = shape(shapeName);
    if (shape == null || value == null) return value;
    switch (shape.path("t").asText()) {
      case "structure" -> {
        if (!value.isObject()) return value;
        ObjectNode out = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          String member = member(shape, e.getKey());
          if (member == null) out.set(e.getKey(), e.getValue()); // the service reports what it does not know
          else out.set(wireName(shape, member), toWire(e.getValue(), shape.path("m").path(member).path("s").asText()));
        }
        return out;
      }
      case "string" -> {
        // JSON where the API takes text is sent as its text, as Step Functions does (AWS's recording of
        // test_aws_sdk_task_service's sfn:startExecution with an object Input)
        return value.isContainerNode() ? Json.text(Json.write(value)) : value;
      }
      default -> {
        return elements(value, shape, this::toWire);
      }
    }
  }

  /** A JSON response body as Step Functions shows it: wire names to PascalCase member names. */
  public JsonNode fromWire(JsonNode value, String shapeName) {
    JsonNode shape = shape(shapeName);
    if (shape == null || value == null) return value;
    switch (shape.path("t").asText()) {
      case "structure" -> {
        if (!value.isObject()) return value;
        ObjectNode out = Json.object();
        JsonNode members = shape.path("m");
        for (Iterator<Map.Entry<String, JsonNode>> it = members.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> m = it.next();
          JsonNode v = value.get(m.getValue().path("n").asText(m.getKey()));
          if (v != null && !v.isNull()) out.set(pascal(m.getKey()), fromWire(v, m.getValue().path("s").asText()));
        }
        return out;
      }
      default -> {
        return elements(value, shape, this::fromWire);
      }
    }
  }

  /** A list's elements or a map's values (keys kept), each converted by {@code convert}; scalars as they are. */
  private static JsonNode elements(JsonNode value, JsonNode shape, BiFunction<JsonNode, String, JsonNode> convert) {
    String type = shape.path("t").asText();
    if (type.equals("list") && value.isArray()) {
      ArrayNode out = Json.array();
      value.forEach(v -> out.add(convert.apply(v, shape.path("e").path("s").asText())));
      return out;
    }
    if (type.equals("map") && value.isObject()) {
      ObjectNode out = Json.object();
      value.fields().forEachRemaining(e -> out.set(e.getKey(), convert.apply(e.getValue(), shape.path("v").asText())));
      return out;
    }
    return value;
  }
}
