package io.stepwise.aws.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.aws.AwsOperation;
import io.stepwise.integrations.aws.AwsService;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;

/** One of AWS's wire protocols: writes a request from PascalCase parameters and reads the answer back. */
interface WireProtocol {
  /** @param encodedPath the path, already percent-encoded; {@code query} raw (the HTTP request encodes it) */
  record Request(SdkHttpMethod method, String encodedPath, Map<String, String> query, Map<String, String> headers, byte[] body) {}

  Request request(AwsService service, AwsOperation operation, JsonNode parameters);

  JsonNode response(AwsService service, AwsOperation operation, AwsApiCaller.RawResponse response);

  AwsApiException error(AwsService service, AwsApiCaller.RawResponse response);

  static WireProtocol of(AwsService service) {
    return switch (service.protocol()) {
      case "json" -> JsonWire.INSTANCE;
      case "rest-json" -> RestJsonWire.INSTANCE;
      case "query" -> QueryWire.INSTANCE;
      case "ec2" -> QueryWire.EC2;
      case "rest-xml" -> RestXmlWire.INSTANCE;
      default -> throw new IllegalArgumentException("the " + service.protocol() + " protocol is not supported");
    };
  }
}
