package io.stepwise.lambda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * What SnapStart's priming gives the SDK's clients in place of a network: every request is
 * read whole and answered 200 with one JSON document, so a call runs the client's whole path
 * (endpoint rules, marshalling, signing, interceptors, unmarshalling) and reaches no one.
 */
final class PrimingHttpClient implements SdkHttpClient {
  /** The MD5 of the message body {@code {}}: the SQS client checks SendMessage's answer against it. */
  static final String ANSWER = "{\"MD5OfMessageBody\": \"99914b932bd37a50b983c5e7c90ae93b\"}";
  private final AtomicInteger calls = new AtomicInteger();

  /** How many requests it answered. */
  int calls() {
    return calls.get();
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() {
        request.contentStreamProvider().ifPresent(body -> drain(body.newStream()));
        calls.incrementAndGet();
        return HttpExecuteResponse.builder()
            .response(SdkHttpResponse.builder().statusCode(200).putHeader("Content-Type", "application/x-amz-json-1.0").build())
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(ANSWER.getBytes(StandardCharsets.UTF_8))))
            .build();
      }

      @Override
      public void abort() {}
    };
  }

  private static void drain(InputStream body) {
    try (body) {
      body.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String clientName() {
    return "StepwisePriming";
  }

  @Override
  public void close() {}
}
