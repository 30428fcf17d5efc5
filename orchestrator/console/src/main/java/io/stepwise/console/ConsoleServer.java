package io.stepwise.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

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

  private final LoopbackServer server;

  private ConsoleServer(LoopbackServer server) {
    this.server = server;
  }

  /** @param port 0 for a free one */
  public static ConsoleServer start(int port, SfnEndpoint api) {
    ConsoleRoutes routes = new ConsoleRoutes(api);
    return new ConsoleServer(LoopbackServer.start(port, "stepwise-console", exchange -> {
      try (exchange) {
        String method = exchange.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) Exchanges.serveGet(routes, exchange);
        else if (method.equals("POST")) forward(api, exchange);
        else Exchanges.send(exchange, ConsoleResponse.text(405, "GET or POST only"), false);
      }
    }));
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
    return server.endpoint();
  }

  @Override
  public void close() {
    server.close();
  }
}
