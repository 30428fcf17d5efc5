package io.stepwise.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stepwise.eval.JsonPath;
import io.stepwise.json.Json;
import io.stepwise.local.events.LocalEventBus;
import io.stepwise.runtime.Executions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Event rules and Api events of the templates, running: rules listen on the {@link LocalEventBus}
 * (fed by PutEvents, from tasks or any client); Api events are routes of one HTTP server on
 * 127.0.0.1 whose request body starts an execution, answering as API Gateway's StartExecution
 * integration does ({@code executionArn}, {@code startDate}).
 */
final class EventTriggers implements AutoCloseable {
  private final HttpServer server;
  private final List<String> urls;

  private EventTriggers(HttpServer server, List<String> urls) {
    this.server = server;
    this.urls = List.copyOf(urls);
  }

  /** Subscribes the enabled rules to the bus; starts the HTTP server only when there are Api events. */
  static EventTriggers start(List<StartTrigger> triggers, LocalEventBus bus, Executions executions,
      Consumer<String> log) {
    List<StartTrigger.Api> apis = new ArrayList<>();
    for (StartTrigger trigger : triggers) {
      if (trigger instanceof StartTrigger.Rule rule) {
        if (!rule.enabled()) {
          log.accept("event rule " + rule.id() + " is disabled: not started");
          continue;
        }
        bus.add(new LocalEventBus.Rule(rule.id(), LocalEventBus.busName(rule.busName()), rule.pattern(), event -> {
          Executions.Started started = executions.start(rule.stateMachineArn(), null, input(rule, event));
          log.accept("event rule " + rule.id() + " started " + started.executionArn());
        }));
      } else if (trigger instanceof StartTrigger.Api api) {
        apis.add(api);
      }
    }
    if (apis.isEmpty()) return new EventTriggers(null, List.of());
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      List<Route> routes = apis.stream().map(Route::of).toList();
      server.createContext("/", exchange -> serve(exchange, routes, executions));
      server.start();
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      List<String> urls = apis.stream().map(a -> a.method().toUpperCase(Locale.ROOT) + " " + base + a.path()).toList();
      return new EventTriggers(server, urls);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the local server for Api events", e);
    }
  }

  /** "METHOD URL" of each Api event, for the banner. */
  List<String> urls() {
    return urls;
  }

  private static String input(StartTrigger.Rule rule, JsonNode event) {
    if (rule.input() != null) return rule.input();
    JsonNode selected = rule.inputPath() == null ? event : JsonPath.compile(rule.inputPath()).find(event);
    return Json.write(selected == null ? Json.NODES.objectNode() : selected);
  }

  private record Route(StartTrigger.Api api, Pattern path) {
    static Route of(StartTrigger.Api api) {
      String regex = Pattern.quote(api.path()).replaceAll("\\{[^/}]+\\+}", "\\\\E.+\\\\Q")
          .replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q");
      return new Route(api, Pattern.compile(regex));
    }

    boolean matches(String method, String path) {
      String wanted = api.method().toUpperCase(Locale.ROOT);
      return (wanted.equals("ANY") || wanted.equals(method)) && this.path.matcher(path).matches();
    }
  }

  private static void serve(HttpExchange exchange, List<Route> routes, Executions executions) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String path = exchange.getRequestURI().getPath();
      Route route = routes.stream().filter(r -> r.matches(method, path)).findFirst().orElse(null);
      if (route == null) {
        reply(exchange, 404, "{\"message\":\"Missing Authentication Token\"}");
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      try {
        String input = body.isBlank() ? "{}" : Json.write(Json.parse(body));
        Executions.Started started = executions.start(route.api().stateMachineArn(), null, input);
        reply(exchange, 200, "{\"executionArn\":" + Json.write(Json.NODES.textNode(started.executionArn()))
            + ",\"startDate\":" + started.startDate().toEpochMilli() / 1000.0 + "}");
      } catch (IllegalArgumentException notJson) {
        reply(exchange, 400, "{\"__type\":\"InvalidExecutionInput\",\"message\":\"the request body is not JSON\"}");
      } catch (RuntimeException e) {
        reply(exchange, 400, "{\"__type\":\"StartExecutionFailed\",\"message\":"
            + Json.write(Json.NODES.textNode(String.valueOf(e.getMessage()))) + "}");
      }
    }
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    if (server != null) server.stop(0);
  }
}
