package io.stepwise.aws.services;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.json.Json;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkException;

/** What Step Functions adds to every service integration's result, and how it names their errors. */
final class ServiceResults {
  private ServiceResults() {}

  /** {@code SdkHttpMetadata} and {@code SdkResponseMetadata}, as the integrations return them. */
  static ObjectNode withMetadata(ObjectNode result, SdkResponse response) {
    ObjectNode http = result.putObject("SdkHttpMetadata");
    http.put("HttpStatusCode", response.sdkHttpResponse().statusCode());
    ObjectNode headers = http.putObject("HttpHeaders");
    response.sdkHttpResponse().headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
    String requestId = response.sdkHttpResponse().firstMatchingHeader("x-amzn-RequestId").orElse(null);
    result.putObject("SdkResponseMetadata").put("RequestId", requestId);
    return result;
  }

  /** {@code <Service>.<ErrorCode>} with the service's message, as Step Functions reports them. */
  static TaskOutcome failure(String service, SdkException e) {
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      String code = aws.awsErrorDetails().errorCode();
      return TaskOutcome.failure(service + "." + (code == null ? "AmazonServiceException" : code),
          aws.awsErrorDetails().errorMessage() + " (Service: " + service + ", Status Code: " + aws.statusCode()
              + ", Request ID: " + aws.requestId() + ")");
    }
    return TaskOutcome.failure(service + ".SdkClientException", e.getMessage());
  }

  static ObjectNode object() {
    return Json.object();
  }
}
