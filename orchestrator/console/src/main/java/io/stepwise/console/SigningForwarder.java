package io.stepwise.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Sends the console's Step Functions calls to a deployed endpoint, signed with Signature
 * Version 4 for the {@code states} service by the AWS SDK's own signer, with credentials from
 * the given provider (the default chain: environment, profile, SSO, container, instance).
 */
public final class SigningForwarder implements SfnEndpoint {
  public static final String SERVICE = "states";
  /** Headers the JDK client sets itself (and refuses to be given). */
  private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
  private static final List<String> PASSED_BACK = List.of("Content-Type", "x-amzn-ErrorType", "x-amzn-RequestId");

  private final URI endpoint;
  private final String region;
  private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  public SigningForwarder(URI endpoint, String region, IdentityProvider<? extends AwsCredentialsIdentity> credentials) {
    this.endpoint = endpoint;
    this.region = region;
    this.credentials = credentials;
  }

  @Override
  public Reply call(String target, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
        .putHeader("Content-Type", "application/x-amz-json-1.0").putHeader("X-Amz-Target", target).build();
    AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
    SdkHttpRequest signed = signer.sign(r -> r.identity(identity).request(unsigned)
        .payload(ContentStreamProvider.fromByteArrayUnsafe(bytes))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
        .putProperty(AwsV4HttpSigner.REGION_NAME, region)).request();
    HttpRequest.Builder request = HttpRequest.newBuilder(signed.getUri()).timeout(Duration.ofSeconds(70))
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    signed.forEachHeader((name, values) -> {
      if (!RESTRICTED.contains(name.toLowerCase())) values.forEach(value -> request.header(name, value));
    });
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Map<String, String> headers = new LinkedHashMap<>();
      for (String name : PASSED_BACK) response.headers().firstValue(name).ifPresent(value -> headers.put(name, value));
      return new Reply(response.statusCode(), headers, response.body());
    } catch (IOException e) {
      return unreachable(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return unreachable("interrupted");
    }
  }

  private Reply unreachable(String why) {
    String body = new ObjectMapper().createObjectNode().put("__type", "ServiceUnavailable")
        .put("message", "Cannot reach " + endpoint + ": " + why).toString();
    return new Reply(502, Map.of("Content-Type", "application/x-amz-json-1.0", "x-amzn-ErrorType", "ServiceUnavailable"), body);
  }
}
