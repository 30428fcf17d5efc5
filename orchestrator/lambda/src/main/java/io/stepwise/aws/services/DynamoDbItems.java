package io.stepwise.aws.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB's JSON attribute values ({@code {"S": "x"}}, {@code {"N": "1"}}, ...) to the SDK's and back. */
final class DynamoDbItems {
  private DynamoDbItems() {}

  static Map<String, AttributeValue> toItem(JsonNode json) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    if (json == null) return item;
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      item.put(e.getKey(), toValue(e.getValue()));
    }
    return item;
  }

  static AttributeValue toValue(JsonNode v) {
    if (v.has("S")) return AttributeValue.fromS(v.get("S").asText());
    if (v.has("N")) return AttributeValue.fromN(v.get("N").asText());
    if (v.has("BOOL")) return AttributeValue.fromBool(v.get("BOOL").asBoolean());
    if (v.has("NULL")) return AttributeValue.fromNul(true);
    if (v.has("B")) return AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.get("B").asText())));
    if (v.has("M")) return AttributeValue.fromM(toItem(v.get("M")));
    if (v.has("L")) {
      List<AttributeValue> list = new ArrayList<>();
      v.get("L").forEach(e -> list.add(toValue(e)));
      return AttributeValue.fromL(list);
    }
    if (v.has("SS")) return AttributeValue.fromSs(strings(v.get("SS")));
    if (v.has("NS")) return AttributeValue.fromNs(strings(v.get("NS")));
    throw new IllegalArgumentException("not a DynamoDB attribute value: " + Json.write(v));
  }

  static ObjectNode toJson(Map<String, AttributeValue> item) {
    ObjectNode json = Json.object();
    item.forEach((name, value) -> json.set(name, toJson(value)));
    return json;
  }

  static JsonNode toJson(AttributeValue v) {
    ObjectNode json = Json.object();
    if (v.s() != null) return json.put("S", v.s());
    if (v.n() != null) return json.put("N", v.n());
    if (v.bool() != null) return json.put("BOOL", v.bool());
    if (Boolean.TRUE.equals(v.nul())) return json.put("NULL", true);
    if (v.b() != null) return json.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
    if (v.hasM()) return json.set("M", toJson(v.m()));
    if (v.hasL()) {
      ArrayNode list = json.putArray("L");
      v.l().forEach(e -> list.add(toJson(e)));
      return json;
    }
    if (v.hasSs()) v.ss().forEach(json.putArray("SS")::add);
    else if (v.hasNs()) v.ns().forEach(json.putArray("NS")::add);
    return json;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(e -> out.add(e.asText()));
    return out;
  }
}
