package io.stepwise.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.eval.intrinsics.IntrinsicCall;
import io.stepwise.eval.intrinsics.Intrinsics;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign), compiled once:
 * keys ending in {@code .$} take the value of a path or an intrinsic call; everything else is
 * kept as written, at any depth.
 */
public sealed interface PayloadTemplate {
  JsonNode evaluate(Scope scope);

  static PayloadTemplate compile(JsonNode template) {
    if (template.isObject()) {
      List<Field> fields = new ArrayList<>();
      boolean dynamic = false;
      for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        if (key.endsWith(".$") && e.getValue().isTextual()) {
          // Interned, as the parser's keys are: a later lookup of the field finds it by identity.
          fields.add(new Field(key.substring(0, key.length() - 2).intern(), expression(key, e.getValue().textValue())));
          dynamic = true;
        } else {
          PayloadTemplate value = compile(e.getValue());
          dynamic |= !(value instanceof Literal);
          fields.add(new Field(key, value));
        }
      }
      return dynamic ? ObjectTemplate.of(fields) : new Literal(template);
    }
    if (template.isArray()) {
      List<PayloadTemplate> items = new ArrayList<>();
      boolean dynamic = false;
      for (JsonNode item : template) {
        PayloadTemplate value = compile(item);
        dynamic |= !(value instanceof Literal);
        items.add(value);
      }
      return dynamic ? new ArrayTemplate(items) : new Literal(template);
    }
    return new Literal(template);
  }

  private static PayloadTemplate expression(String key, String text) {
    if (Intrinsics.isCall(text)) return new Intrinsic(Intrinsics.parse(text));
    return new Path(PathRef.compile(text), key);
  }

  record Field(String name, PayloadTemplate value) {}

  record Literal(JsonNode value) implements PayloadTemplate {
    public JsonNode evaluate(Scope scope) {
      return value;
    }
  }

  record Path(PathRef path, String key) implements PayloadTemplate {
    public JsonNode evaluate(Scope scope) {
      JsonNode value = path.find(scope);
      if (value != null) return value;
      // An index past an array's end is null here; an intrinsic's argument there still fails.
      if (path.missesOnlyPastTheEnd(scope)) return NullNode.getInstance();
      return path.require(scope, key);
    }
  }

  record Intrinsic(IntrinsicCall call) implements PayloadTemplate {
    public JsonNode evaluate(Scope scope) {
      return call.evaluate(scope);
    }
  }

  /**
   * An object template; {@code names} are its fields' names when they are distinct (a key
   * {@code "a.$"} and a key {@code "a"} are not), so the object is built without a key lookup.
   */
  record ObjectTemplate(List<Field> fields, String[] names, PayloadTemplate[] values) implements PayloadTemplate {
    static ObjectTemplate of(List<Field> fields) {
      String[] names = new String[fields.size()];
      PayloadTemplate[] values = new PayloadTemplate[fields.size()];
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < names.length; i++) {
        names[i] = fields.get(i).name();
        values[i] = fields.get(i).value();
        if (!seen.add(names[i])) return new ObjectTemplate(fields, null, null);
      }
      return new ObjectTemplate(fields, names, values);
    }

    public JsonNode evaluate(Scope scope) {
      if (names == null) {
        ObjectNode out = Json.object(fields.size());
        for (Field field : fields) out.set(field.name(), field.value().evaluate(scope));
        return out;
      }
      ObjectNode out = Json.object(names.length);
      for (int i = 0; i < names.length; i++) Json.putNew(out, names[i], values[i].evaluate(scope));
      return out;
    }
  }

  record ArrayTemplate(List<PayloadTemplate> items) implements PayloadTemplate {
    public JsonNode evaluate(Scope scope) {
      ArrayNode out = Json.NODES.arrayNode(items.size());
      for (PayloadTemplate item : items) out.add(item.evaluate(scope));
      return out;
    }
  }
}
