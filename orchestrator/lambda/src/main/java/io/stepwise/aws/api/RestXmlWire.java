package io.stepwise.aws.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.integrations.aws.AwsOperation;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.integrations.aws.Shapes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;

/** REST-XML (S3, CloudFront, Route 53): the HTTP binding of {@link RestBinding}, an XML or raw payload. */
final class RestXmlWire implements WireProtocol {
  static final RestXmlWire INSTANCE = new RestXmlWire();

  @Override
  public Request request(AwsService service, AwsOperation operation, JsonNode parameters) {
    RestBinding binding = new RestBinding(operation, parameters);
    Map<String, String> headers = new LinkedHashMap<>(binding.headers);
    byte[] body = new byte[0];
    String payload = operation.payloadMember(operation.input());
    if (binding.payload != null) {
      String type = operation.input().get(payload).name();
      if (type.equals("structure")) {
        Shapes shapes = service.shapes().get();
        JsonNode input = shapes.shape(operation.inputShape());
        JsonNode member = input.path("m").path(payload);
        StringBuilder xml = new StringBuilder();
        XmlShapes.write(xml, member.path("n").asText(payload), binding.payload, member.path("s").asText(), shapes);
        body = xml.toString().getBytes(StandardCharsets.UTF_8);
        headers.putIfAbsent("Content-Type", "application/xml");
      } else {
        body = RestJsonWire.payloadBytes(binding.payload, type);
      }
    }
    return new Request(SdkHttpMethod.fromValue(operation.method()), binding.encodedPath, binding.query, headers, body);
  }

  @Override
  public JsonNode response(AwsService service, AwsOperation operation, AwsApiCaller.RawResponse response) {
    ObjectNode out = RestBinding.fromHeaders(operation, response);
    String payload = operation.payloadMember(operation.output());
    if (payload != null) {
      String type = operation.output().get(payload).name();
      if (type.equals("structure")) {
        if (response.body().length > 0) {
          JsonNode output = service.shapes().get().shape(operation.outputShape());
          out.set(Shapes.pascal(payload), XmlShapes.read(XmlShapes.parse(response.body()),
              output.path("m").path(payload).path("s").asText(), service.shapes().get()));
        }
      } else {
        out.set(Shapes.pascal(payload), RestJsonWire.payloadValue(response, type));
      }
      return out;
    }
    if (response.body().length > 0 && operation.outputShape() != null) {
      XmlShapes.read(XmlShapes.parse(response.body()), operation.outputShape(), service.shapes().get())
          .fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
    }
    return out;
  }

  @Override
  public AwsApiException error(AwsService service, AwsApiCaller.RawResponse response) {
    return QueryWire.xmlError(service, response);
  }
}
