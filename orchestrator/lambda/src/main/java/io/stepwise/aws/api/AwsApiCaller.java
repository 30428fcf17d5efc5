package io.stepwise.aws.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.aws.AwsOperation;
import io.stepwise.integrations.aws.AwsService;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Calls any AWS API from its catalog entry, without the service's SDK: the request is written in
 * the service's protocol ({@link WireProtocol}), signed with the SDK's own SigV4 signer and sent
 * through an {@link SdkHttpClient} (url-connection in the Lambda jar).
 */
public final class AwsApiCaller {
  private final SdkHttpClient http;
  private final AwsEndpoints endpoints;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  /** Ends calls that run past their timeout (a daemon thread, started on first use). */
  private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "aws-call-timeouts");
    t.setDaemon(true);
    return t;
  });

  public AwsApiCaller(SdkHttpClient http, AwsEndpoints endpoints) {
    this.http = http;
    this.endpoints = endpoints;
  }

  /** The raw HTTP exchange's outcome, before the protocol reads it. */
  public record RawResponse(int status, String statusText, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
      }
      return null;
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * @param parameters Step Functions' parameters: the API's request members in PascalCase
   * @return the response's members in PascalCase
   * @throws AwsApiException for a service error (named as Step Functions names it) or no answer
   */
  public AwsResponse call(AwsService service, AwsOperation operation, JsonNode parameters, AwsCredentialsIdentity credentials,
      String region) throws AwsApiException {
    return call(service, operation, parameters, credentials, region, null);
  }

  /** @param timeout how long the call may take (a Task's TimeoutSeconds), or null for the client's own limits */
  public AwsResponse call(AwsService service, AwsOperation operation, JsonNode parameters, AwsCredentialsIdentity credentials,
      String region, Duration timeout) throws AwsApiException {
    WireProtocol protocol = WireProtocol.of(service);
    Signed signed = sign(protocol, service, operation, parameters, credentials, region);
    AtomicBoolean aborted = new AtomicBoolean();
    RawResponse raw;
    try {
      raw = exchange(signed.request(), signed.payload(), timeout, aborted);
    } catch (IOException | RuntimeException e) {
      throw AwsApiException.noAnswer(service, e, aborted.get());
    }
    if (raw.status() >= 300) throw protocol.error(service, raw);
    return new AwsResponse(raw.status(), raw.headers(), protocol.response(service, operation, raw),
        requestId(raw));
  }

  /**
   * The call's payload as it arrives, never held whole (S3 GetObject of a large object); the
   * caller closes the stream. A service error is read and thrown as {@link #call} throws it.
   */
  public InputStream stream(AwsService service, AwsOperation operation, JsonNode parameters,
      AwsCredentialsIdentity credentials, String region) throws AwsApiException {
    WireProtocol protocol = WireProtocol.of(service);
    Signed signed = sign(protocol, service, operation, parameters, credentials, region);
    RawResponse failed;
    try {
      HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
          .contentStreamProvider(signed.payload()).build()).call();
      int status = response.httpResponse().statusCode();
      if (status < 300) return response.responseBody().map(s -> (InputStream) s).orElse(InputStream.nullInputStream());
      failed = new RawResponse(status, response.httpResponse().statusText().orElse(null),
          response.httpResponse().headers(), readAll(response));
    } catch (IOException | RuntimeException e) {
      throw AwsApiException.noAnswer(service, e, false);
    }
    throw protocol.error(service, failed);
  }

  /** A signed request; its payload is null when bodiless: a JDK connection given a body turns a GET into a POST. */
  private record Signed(SdkHttpRequest request, ContentStreamProvider payload) {}

  /** The request written in the service's protocol and signed, ready to send. */
  private Signed sign(WireProtocol protocol, AwsService service, AwsOperation operation,
      JsonNode parameters, AwsCredentialsIdentity credentials, String region) {
    URI endpoint = endpoints.endpoint(service, region);
    WireProtocol.Request request = protocol.request(service, operation, parameters);
    SdkHttpRequest.Builder http = SdkHttpRequest.builder().method(request.method()).uri(endpoint)
        .encodedPath(join(endpoint.getRawPath(), request.encodedPath()));
    request.query().forEach(http::appendRawQueryParameter);
    request.headers().forEach(http::putHeader);
    ContentStreamProvider payload = ContentStreamProvider.fromByteArray(request.body());
    SignedRequest signed = signer.sign(r -> r.identity(credentials).request(http.build()).payload(payload)
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service.signingName())
        .putProperty(AwsV4HttpSigner.REGION_NAME, signingRegion(service, region))
        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, !service.signingName().equals("s3"))
        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, !service.signingName().equals("s3")));
    return new Signed(signed.request(), request.body().length > 0 ? signed.payload().orElse(null) : null);
  }

  /**
   * One HTTP exchange, for callers that are not AWS APIs (the HTTP Task, API Gateway).
   *
   * @param body null for a bodiless request
   * @param timeout how long it may take, or null for the client's own limits
   * @throws java.net.SocketTimeoutException when the timeout ended it
   */
  public RawResponse exchange(SdkHttpRequest request, byte[] body, Duration timeout) throws IOException {
    AtomicBoolean aborted = new AtomicBoolean();
    try {
      return exchange(request, body == null ? null : ContentStreamProvider.fromByteArray(body), timeout, aborted);
    } catch (IOException | RuntimeException e) {
      if (aborted.get()) throw new java.net.SocketTimeoutException("no answer within " + timeout.toSeconds() + " seconds");
      if (e instanceof IOException io) throw io;
      throw new IOException(e.getMessage(), e);
    }
  }

  private RawResponse exchange(SdkHttpRequest request, ContentStreamProvider payload, Duration timeout,
      AtomicBoolean aborted) throws IOException {
    ExecutableHttpRequest call = http.prepareRequest(HttpExecuteRequest.builder().request(request)
        .contentStreamProvider(payload).build());
    ScheduledFuture<?> deadline = timeout == null ? null : timeouts.schedule(() -> {
      aborted.set(true);
      call.abort();
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      HttpExecuteResponse response = call.call();
      return new RawResponse(response.httpResponse().statusCode(), response.httpResponse().statusText().orElse(null),
          response.httpResponse().headers(), readAll(response));
    } finally {
      if (deadline != null) deadline.cancel(false);
    }
  }

  private static byte[] readAll(HttpExecuteResponse response) throws IOException {
    try (InputStream in = response.responseBody().map(s -> (InputStream) s).orElse(InputStream.nullInputStream())) {
      return in.readAllBytes();
    }
  }

  static String requestId(RawResponse raw) {
    String id = raw.header("x-amzn-RequestId");
    return id != null ? id : raw.header("x-amz-request-id");
  }

  /** Services with one global endpoint sign for us-east-1. */
  private static String signingRegion(AwsService service, String region) {
    return AwsEndpoints.isGlobal(service) ? "us-east-1" : region;
  }

  private static String join(String base, String path) {
    if (base == null || base.isEmpty() || base.equals("/")) return path;
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }
}
