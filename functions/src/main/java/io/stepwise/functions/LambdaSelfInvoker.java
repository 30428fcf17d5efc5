package io.stepwise.functions;

import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The real SelfInvoker: Lambda's Invoke API with InvocationType Event, through the AWS SDK.
 *
 * <p>Endpoint: the SDK's default resolution, which (SDK 2.21+) honours
 * {@code AWS_ENDPOINT_URL_LAMBDA}, then {@code AWS_ENDPOINT_URL} (and the system properties
 * {@code aws.endpointUrlLambda} / {@code aws.endpointUrl}), so a local Lambda host can be targeted
 * without code here. Region and credentials come from the default chains (AWS_REGION and the
 * execution role's variables on Lambda).
 */
public final class LambdaSelfInvoker implements SelfInvoker {
  private final LambdaClient lambda;

  public LambdaSelfInvoker(LambdaClient lambda) {
    this.lambda = lambda;
  }

  /** A client on the url-connection HTTP client: the only one in the jar, and the fastest to start. */
  public static LambdaSelfInvoker fromEnvironment() {
    return new LambdaSelfInvoker(clientBuilder().build());
  }

  static LambdaClientBuilder clientBuilder() {
    return LambdaClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
  }

  @Override
  public void invokeAsync(String functionName, Map<String, Object> payload) {
    InvokeResponse response = lambda.invoke(request -> request
        .functionName(functionName)
        .invocationType(InvocationType.EVENT)
        .payload(SdkBytes.fromUtf8String(Json.write(payload))));
    // Lambda answers 202 Accepted once the event is queued; anything else means it was not.
    if (response.statusCode() == null || response.statusCode() != 202) {
      throw new IllegalStateException("Lambda did not queue the invocation of " + functionName
          + ": status " + response.statusCode());
    }
  }
}
