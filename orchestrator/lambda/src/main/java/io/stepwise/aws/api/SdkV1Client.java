package io.stepwise.aws.api;

import io.stepwise.integrations.aws.AwsService;
import java.util.Map;
import java.util.Optional;

/**
 * The Java SDK v1 client an optimized integration calls through, which names its failures: an
 * error the API models keeps its shape's name ({@code DynamoDB.ResourceNotFoundException}), any
 * other takes the client's exception ({@code SQS.AmazonSQSException}), and the cause is v1's
 * message, {@code ... (Service: AmazonSQS; Status Code: 400; Error Code: MissingParameter; Request
 * ID: ...; Proxy: null)} (AWS's test_task_service_sqs, _dynamodb and _lambda recordings).
 *
 * @param serviceName the client's service name in the cause
 * @param exception the client's exception class
 */
public record SdkV1Client(String serviceName, String exception) {
  private static final Map<String, SdkV1Client> BY_SERVICE = Map.of(
      "dynamodb", new SdkV1Client("AmazonDynamoDBv2", "AmazonDynamoDBException"),
      "sqs", new SdkV1Client("AmazonSQS", "AmazonSQSException"),
      "sns", new SdkV1Client("AmazonSNS", "AmazonSNSException"),
      "lambda", new SdkV1Client("AWSLambda", "AWSLambdaException"));

  /** @param serviceKey the catalog's key ({@code dynamodb}); empty where the v1 names are not known */
  public static Optional<SdkV1Client> of(String serviceKey) {
    return Optional.ofNullable(BY_SERVICE.get(serviceKey));
  }

  /** The error under {@code prefix}, Step Functions' name for the service ({@code DynamoDB}). */
  public String errorName(AwsService service, String prefix, String code) {
    if (!service.models(code)) return prefix + "." + exception;
    String modelled = service.errorName(code);
    return prefix + modelled.substring(modelled.indexOf('.'));
  }

  public String cause(AwsApiException e) {
    return e.serviceMessage() + " (Service: " + serviceName + "; Status Code: " + e.status() + "; Error Code: " + e.code()
        + "; Request ID: " + e.requestId() + "; Proxy: null)";
  }
}
