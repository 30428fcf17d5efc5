package io.stepwise.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code stepwise console}: the console on a loopback port, its API calls sent on to a Step
 * Functions endpoint. The API calls carry the user's signature, so a call is forwarded only when
 * it could not have come from another site: a loopback Host (no DNS rebinding), an
 * {@code X-Amz-Target} header and the protocol's content type (neither of which a cross-site
 * request can send without a CORS preflight, which this server never grants).
 */
public final class ConsoleServer implements AutoCloseable {
  static final int MAX_REQUEST_BYTES = 8 * 1024 * 1024;
  private static final String JSON_10 = "application/x-amz-json-1.0";

  private final HttpServer server;
  private final ExecutorService threads;

  private ConsoleServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /** @param port 0 for a free one */
  public static ConsoleServer start(int port, SfnEndpoint api) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
    ConsoleRoutes routes = new ConsoleRoutes(api);
    ExecutorService threads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "stepwise-console");
      thread.setDaemon(true);
      return thread;
    });
    server.createContext("/", exchange -> {
      try (exchange) {
        String method = exchange.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) Exchanges.serveGet(routes, exchange);
        else if (method.equals("POST")) forward(api, exchange);
        else Exchanges.send(exchange, ConsoleResponse.text(405, "GET or POST only"), false);
      }
    });
    server.setExecutor(threads);
    server.start();
    return new ConsoleServer(server, threads);
  }

  private static void forward(SfnEndpoint api, HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (!LoopbackHosts.allowed(exchange.getRequestHeaders().getFirst("Host"))
        || target == null || !target.startsWith("AWSStepFunctions.") || type == null || !type.startsWith(JSON_10)) {
      Exchanges.send(exchange, ConsoleResponse.text(403,
          "The console forwards Step Functions calls (X-Amz-Target, " + JSON_10 + ") from localhost only"), false);
      return;
    }
    byte[] body = exchange.getRequestBody().readNBytes(MAX_REQUEST_BYTES + 1);
    if (body.length > MAX_REQUEST_BYTES) {
      Exchanges.send(exchange, ConsoleResponse.text(413, "The request is larger than " + MAX_REQUEST_BYTES + " bytes"), false);
      return;
    }
    SfnEndpoint.Reply reply = api.call(target, new String(body, StandardCharsets.UTF_8));
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    for (Map.Entry<String, String> header : reply.headers().entrySet()) {
      exchange.getResponseHeaders().set(header.getKey(), header.getValue());
    }
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
