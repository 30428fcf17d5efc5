package io.stepwise.lambda.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * PUTs the response to the pre-signed S3 URL with java.net.http. No Content-Type header is sent:
 * the URL's signature does not cover one, as in AWS's own cfn-response module. A failed PUT is
 * tried again (three attempts): without it the stack waits an hour for a response.
 */
public final class HttpResponseSender implements ResponseSender {
  private static final int ATTEMPTS = 3;
  private final HttpClient http;
  private final Duration timeout;
  private final Duration backoff;

  public HttpResponseSender() {
    this(Duration.ofSeconds(10), Duration.ofSeconds(1));
  }

  public HttpResponseSender(Duration timeout, Duration backoff) {
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    this.timeout = timeout;
    this.backoff = backoff;
  }

  @Override
  public void send(String responseUrl, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(responseUrl)).timeout(timeout)
        .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) return;
        last = new IllegalStateException("the response URL answered " + response.statusCode() + ": " + response.body());
        if (response.statusCode() / 100 == 4) break; // an expired or bad URL does not get better
      } catch (IOException e) {
        last = new IllegalStateException("could not PUT the response: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while sending the response", e);
      }
      if (attempt < ATTEMPTS) sleep(backoff.multipliedBy(attempt));
    }
    throw last;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
