package io.stepwise.functions;

import java.net.URI;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.SfnClientBuilder;

/**
 * The real TaskCallbacks: the AWS SDK's SfnClient, so the same code answers AWS Step Functions
 * and Stepwise's own Step Functions API.
 *
 * <p>Endpoint: {@code STEPWISE_SFN_ENDPOINT} (or system property {@code stepwise.sfn.endpoint})
 * when set, e.g. {@code http://localhost:8083}; otherwise the SDK's default resolution, which also
 * honours {@code AWS_ENDPOINT_URL_SFN} and {@code AWS_ENDPOINT_URL}.
 */
public final class SfnTaskCallbacks implements TaskCallbacks {
  static final String ENDPOINT_VARIABLE = "STEPWISE_SFN_ENDPOINT";

  private final SfnClient sfn;

  public SfnTaskCallbacks(SfnClient sfn) {
    this.sfn = sfn;
  }

  public static SfnTaskCallbacks fromEnvironment() {
    return new SfnTaskCallbacks(clientBuilder(Settings.get("stepwise.sfn.endpoint", ENDPOINT_VARIABLE)).build());
  }

  /** A builder on the url-connection HTTP client, pointed at endpoint when it is not null. */
  static SfnClientBuilder clientBuilder(String endpoint) {
    SfnClientBuilder builder = SfnClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
    return endpoint == null ? builder : builder.endpointOverride(URI.create(endpoint));
  }

  @Override
  public void sendTaskSuccess(String taskToken, String outputJson) {
    sfn.sendTaskSuccess(request -> request.taskToken(taskToken).output(outputJson));
  }

  @Override
  public void sendTaskFailure(String taskToken, String error, String cause) {
    sfn.sendTaskFailure(request -> request.taskToken(taskToken).error(error).cause(cause));
  }
}
