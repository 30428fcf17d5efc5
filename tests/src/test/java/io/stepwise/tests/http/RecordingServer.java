package io.stepwise.tests.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 for the HTTP integrations' tests: it records each request and
 * answers with what the test set for its path.
 */
public final class RecordingServer implements AutoCloseable {
  /** One request as it arrived. */
  public record Seen(String method, String path, String query, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      List<String> values = headers.get(name.substring(0, 1).toUpperCase() + name.substring(1).toLowerCase());
      return values == null ? null : values.get(0);
    }
  }

  /** What to send back. */
  public record Answer(int status, String contentType, String body) {}

  private final HttpServer server;
  private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
  private final Map<String, Function<Seen, Answer>> answers = new ConcurrentHashMap<>();

  public RecordingServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code 127.0.0.1:PORT}, an API Gateway "host" for apigateway:invoke. */
  public String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  public String url(String path) {
    return "http://" + host() + path;
  }

  public void answer(String path, Function<Seen, Answer> answer) {
    answers.put(path, answer);
  }

  public Seen next() throws InterruptedException {
    Seen s = seen.poll(30, TimeUnit.SECONDS);
    if (s == null) throw new AssertionError("no request reached the server");
    return s;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
    seen.add(request);
    Answer answer = answers.getOrDefault(request.path(), r -> new Answer(404, "text/plain", "no such path")).apply(request);
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", answer.contentType());
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
