package io.stepwise.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stepwise.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * EventBridge's PutEvents on 127.0.0.1 (JSON 1.1, {@code X-Amz-Target: AWSEvents.PutEvents}), in
 * front of a {@link LocalEventBus}: the AWS CLI, the SDKs and {@code events:putEvents} tasks put
 * events with their own clients and the local rules start executions.
 */
public final class LocalEventsServer implements AutoCloseable {
  private final HttpServer server;

  private LocalEventsServer(HttpServer server) {
    this.server = server;
  }

  public static LocalEventsServer start(LocalEventBus bus) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> handle(bus, exchange));
      server.start();
      return new LocalEventsServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the local EventBridge endpoint", e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void handle(LocalEventBus bus, HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (!"POST".equals(exchange.getRequestMethod()) || !"AWSEvents.PutEvents".equals(target)) {
        reply(exchange, 400, error("UnknownOperationException",
            "the local EventBridge answers PutEvents only, not " + target));
        return;
      }
      JsonNode request;
      try {
        request = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        reply(exchange, 400, error("ValidationException", "the request body is not JSON"));
        return;
      }
      List<JsonNode> entries = new ArrayList<>();
      request.path("Entries").forEach(entries::add);
      if (entries.isEmpty() || entries.size() > 10) {
        reply(exchange, 400, error("ValidationException", "Entries must hold 1 to 10 entries"));
        return;
      }
      ObjectNode response = Json.NODES.objectNode();
      ArrayNode results = response.putArray("Entries");
      int failed = 0;
      for (ObjectNode result : bus.put(entries, Instant.now())) {
        results.add(result);
        if (result.has("ErrorCode")) failed++;
      }
      response.put("FailedEntryCount", failed);
      reply(exchange, 200, response);
    }
  }

  private static ObjectNode error(String type, String message) {
    ObjectNode error = Json.NODES.objectNode();
    error.put("__type", type);
    error.put("message", message);
    return error;
  }

  private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
