package io.stepwise.aws.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.aws.AwsOperation;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.integrations.aws.Shapes;
import io.stepwise.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The query protocol (SNS, STS, IAM, ...): a form-encoded POST of flattened members, an XML
 * answer. EC2's variant ({@link #EC2}) names members by their query names and flattens every list.
 */
final class QueryWire implements WireProtocol {
  static final QueryWire INSTANCE = new QueryWire(false);
  static final QueryWire EC2 = new QueryWire(true);

  private final boolean ec2;

  private QueryWire(boolean ec2) {
    this.ec2 = ec2;
  }

  @Override
  public Request request(AwsService service, AwsOperation operation, JsonNode parameters) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("Action", operation.name());
    form.put("Version", service.apiVersion());
    Shapes shapes = service.shapes().get();
    JsonNode input = shapes.shape(operation.inputShape());
    if (parameters != null && input != null) {
      parameters.fields().forEachRemaining(e -> {
        String member = Shapes.member(input, e.getKey());
        if (member == null) throw new IllegalArgumentException(operation.name() + " has no parameter named " + e.getKey());
        JsonNode m = input.path("m").path(member);
        flatten(form, queryName(m, member), e.getValue(), m.path("s").asText(), m.path("f").asBoolean(false), shapes);
      });
    }
    StringBuilder body = new StringBuilder();
    form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(RestBinding.encode(k, false)).append('=')
        .append(RestBinding.encode(v, false)));
    return new Request(SdkHttpMethod.POST, "/", Map.of(),
        Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
        body.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A member's name on the wire: EC2 uses its query name, else its capitalized XML name. */
  private String queryName(JsonNode member, String name) {
    if (!ec2) return member.path("n").asText(name);
    if (member.has("q")) return member.get("q").asText();
    return member.has("n") ? Shapes.pascal(member.get("n").asText()) : name;
  }

  private void flatten(Map<String, String> form, String prefix, JsonNode value, String shapeName, boolean flat,
      Shapes shapes) {
    JsonNode shape = shapes.shape(shapeName);
    String type = shape == null ? "string" : shape.path("t").asText();
    switch (type) {
      case "structure" -> value.fields().forEachRemaining(e -> {
        String member = Shapes.member(shape, e.getKey());
        if (member == null) return;
        JsonNode m = shape.path("m").path(member);
        flatten(form, prefix + "." + queryName(m, member), e.getValue(), m.path("s").asText(),
            m.path("f").asBoolean(false), shapes);
      });
      case "list" -> {
        if (value.isEmpty()) form.put(prefix, "");
        boolean flattened = ec2 || flat || shape.path("f").asBoolean(false);
        String item = flattened ? prefix : prefix + "." + shape.path("e").path("n").asText("member");
        int i = 1;
        for (JsonNode v : value) flatten(form, item + "." + i++, v, shape.path("e").path("s").asText(), false, shapes);
      }
      case "map" -> {
        boolean flattened = flat || shape.path("f").asBoolean(false);
        String entry = flattened ? prefix : prefix + ".entry";
        int i = 1;
        for (var it = value.fields(); it.hasNext(); i++) {
          var e = it.next();
          form.put(entry + "." + i + "." + shape.path("kn").asText("key"), e.getKey());
          flatten(form, entry + "." + i + "." + shape.path("vn").asText("value"), e.getValue(), shape.path("v").asText(),
              false, shapes);
        }
      }
      default -> form.put(prefix, RestBinding.text(value));
    }
  }

  @Override
  public JsonNode response(AwsService service, AwsOperation operation, AwsApiCaller.RawResponse response) {
    if (operation.outputShape() == null || response.body().length == 0) return Json.object();
    Element root = XmlShapes.parse(response.body());
    Element result = operation.resultWrapper() == null ? root : XmlShapes.child(root, operation.resultWrapper());
    return result == null ? Json.object() : XmlShapes.read(result, operation.outputShape(), service.shapes().get());
  }

  @Override
  public AwsApiException error(AwsService service, AwsApiCaller.RawResponse response) {
    return xmlError(service, response);
  }

  /** {@code <ErrorResponse><Error><Code>..</Code><Message>..</Message>} (S3: {@code <Error>} at the root). */
  static AwsApiException xmlError(AwsService service, AwsApiCaller.RawResponse response) {
    String code = null;
    String message = null;
    if (response.body().length > 0) {
      try {
        Element root = XmlShapes.parse(response.body());
        Element error = root.getTagName().equals("Error") ? root : XmlShapes.child(root, "Error");
        if (error == null) error = XmlShapes.child(XmlShapes.child(root, "Errors"), "Error"); // EC2
        if (error != null) {
          code = XmlShapes.text(error, "Code");
          message = XmlShapes.text(error, "Message");
        }
      } catch (IllegalArgumentException notXml) {
        message = response.text();
      }
    }
    if (code == null && response.status() == 404) code = "NotFound";
    return AwsApiException.fromService(service, code, message, response.status(), AwsApiCaller.requestId(response));
  }
}
