package io.stepwise.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * An inline definition object as JSON text for a custom resource, whose properties CloudFormation
 * turns into strings (numbers and booleans included). Intrinsic functions inside it (a
 * {@code !GetAtt Fn.Arn} as a FunctionName, say) stay intrinsics: the text becomes a
 * {@code Fn::Join} of JSON pieces and those functions, each quoted as the string it yields.
 */
final class DefinitionText {
  private final ArrayNode parts = Json.NODES.arrayNode();
  private final StringBuilder literal = new StringBuilder();

  private DefinitionText() {}

  /** Plain JSON text when the definition holds no intrinsic, else {@code {"Fn::Join": ["", [...]]}}. */
  static JsonNode of(JsonNode definition) {
    DefinitionText text = new DefinitionText();
    text.write(definition);
    text.flush();
    if (text.parts.size() == 1 && text.parts.get(0).isTextual()) return text.parts.get(0);
    ObjectNode join = Json.NODES.objectNode();
    ArrayNode arguments = join.putArray("Fn::Join");
    arguments.add("");
    arguments.add(text.parts);
    return join;
  }

  private void write(JsonNode node) {
    if (StateMachineSpec.isIntrinsic(node)) {
      literal.append('"');
      flush();
      parts.add(node);
      literal.append('"');
    } else if (node.isObject()) {
      literal.append('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!first) literal.append(',');
        first = false;
        literal.append(Json.write(Json.NODES.textNode(field.getKey()))).append(':');
        write(field.getValue());
      }
      literal.append('}');
    } else if (node.isArray()) {
      literal.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) literal.append(',');
        write(node.get(i));
      }
      literal.append(']');
    } else {
      literal.append(Json.write(node));
    }
  }

  private void flush() {
    if (literal.length() > 0) parts.add(literal.toString());
    literal.setLength(0);
  }
}
