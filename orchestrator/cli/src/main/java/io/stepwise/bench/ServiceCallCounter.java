package io.stepwise.bench;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Counts the Task calls the protocol-level caller sends, by the service each is signed for (the
 * SigV4 credential scope: {@code sts}, {@code sns}, ...), so STS's share is seen apart from the
 * target's, and the time spent waiting on them.
 */
final class ServiceCallCounter implements SdkHttpClient {
  private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/[^/]+/[^/]+/([^/]+)/aws4_request");
  private final SdkHttpClient delegate;
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
  private final AtomicLong wireNanos = new AtomicLong();

  ServiceCallCounter(SdkHttpClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    String service = request.httpRequest().firstMatchingHeader("Authorization").map(SCOPE::matcher)
        .filter(Matcher::find).map(m -> m.group(1)).orElse("unsigned");
    calls.computeIfAbsent(service, s -> new AtomicLong()).incrementAndGet();
    ExecutableHttpRequest call = delegate.prepareRequest(request);
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        long start = System.nanoTime();
        try {
          return call.call();
        } finally {
          wireNanos.addAndGet(System.nanoTime() - start);
        }
      }

      @Override
      public void abort() {
        call.abort();
      }
    };
  }

  /** Time spent waiting on the services' answers (response headers; bodies are small). */
  long wireNanos() {
    return wireNanos.get();
  }

  /** Calls so far, by signing service. */
  Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    calls.forEach((service, n) -> copy.put(service, n.get()));
    return copy;
  }

  @Override
  public void close() {
    delegate.close();
  }
}
