package io.stepwise.api.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Requests signed by the AWS SDK's own SigV4 signer, as SfnClient signs them. */
public final class SdkSigner {
  private SdkSigner() {}

  /** A POST of {@code body} to {@code endpoint} with {@code X-Amz-Target}, signed for states in {@code region} at {@code at}. */
  public static HttpRequest sign(URI endpoint, String target, String body, String keyId, String secret, String region,
      String service, Instant at) {
    SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
        .putHeader("Content-Type", "application/x-amz-json-1.0").putHeader("X-Amz-Target", target).build();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(AwsCredentialsIdentity.create(keyId, secret))
        .request(request)
        .payload(ContentStreamProvider.fromByteArray(bytes))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
    Map<String, List<String>> headers = new LinkedHashMap<>(signed.request().headers());
    headers.putIfAbsent("Host", List.of(endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "")));
    return new HttpRequest("POST", signed.request().encodedPath(), "", headers, bytes);
  }
}
