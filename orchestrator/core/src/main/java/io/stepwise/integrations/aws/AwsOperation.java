package io.stepwise.integrations.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One API operation: its name, HTTP binding (REST protocols) and where its top-level members
 * travel ({@code uri}, {@code querystring}, {@code header}, {@code headers}, {@code statusCode},
 * {@code payload}); members not listed travel in the body.
 *
 * @param inputShape / outputShape the shape names (only for services whose shapes are kept)
 * @param resultWrapper the query protocol's XML element around the result
 */
public record AwsOperation(String name, String method, String requestUri, Map<String, Location> input,
    Map<String, Location> output, String inputShape, String outputShape, String resultWrapper, int responseCode) {

  /** @param where uri, querystring, header, headers, statusCode or payload; name the wire name (for a payload, its shape type) */
  public record Location(String where, String name) {}

  static AwsOperation fromCatalog(JsonNode n) {
    return new AwsOperation(n.get("n").asText(), n.path("m").asText("POST"), n.path("u").asText("/"),
        locations(n.get("i")), locations(n.get("o")), text(n, "is"), text(n, "os"), text(n, "w"), n.path("c").asInt(0));
  }

  /** The member sent as the whole body (a blob, string or structure), or null. */
  public String payloadMember(Map<String, Location> members) {
    for (Map.Entry<String, Location> e : members.entrySet()) {
      if (e.getValue().where().equals("payload")) return e.getKey();
    }
    return null;
  }

  private static Map<String, Location> locations(JsonNode n) {
    Map<String, Location> out = new LinkedHashMap<>();
    if (n == null) return out;
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), new Location(e.getValue().get(0).asText(), e.getValue().get(1).asText()));
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }
}
