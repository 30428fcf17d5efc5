package io.stepwise.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/** Writes console responses to the JDK's HTTP server, which carries both the local stack's API and {@code stepwise console}. */
public final class Exchanges {
  private Exchanges() {}

  /** Serves a GET or HEAD request with the console's routes. */
  public static void serveGet(ConsoleRoutes routes, HttpExchange exchange) throws IOException {
    ConsoleResponse response = routes.get(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
        exchange.getRequestHeaders().getFirst("Host"));
    send(exchange, response, "HEAD".equals(exchange.getRequestMethod()));
  }

  static void send(HttpExchange exchange, ConsoleResponse response, boolean headOnly) throws IOException {
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      exchange.getResponseHeaders().set(header.getKey(), header.getValue());
    }
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.sendResponseHeaders(response.status(), headOnly ? -1 : response.body().length);
    if (!headOnly) exchange.getResponseBody().write(response.body());
  }
}
