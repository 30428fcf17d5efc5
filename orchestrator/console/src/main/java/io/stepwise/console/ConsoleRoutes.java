package io.stepwise.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.console.graph.GraphBuilder;
import io.stepwise.console.graph.GraphLayout;
import io.stepwise.console.graph.MachinePaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The console's GET requests, transport-free: the page ({@code /}), its assets
 * ({@code /console/*.js|css|svg}, from this jar), and {@code /console/graph}, a state machine's
 * definition laid out server-side. Everything else the page does is a Step Functions API call
 * (POST with {@code X-Amz-Target}) that the carrying server forwards.
 */
public final class ConsoleRoutes {
  private static final String ASSETS = "/io/stepwise/console/static/";
  private static final Pattern ASSET = Pattern.compile("/console/([a-z0-9-]+\\.(js|css|svg))");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final int CACHED_LAYOUTS = 64;

  private final SfnEndpoint api;
  /** Layouts by definition and path: every execution of a machine draws the same graph. */
  private final Map<String, String> layouts = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > CACHED_LAYOUTS;
    }
  });

  public ConsoleRoutes(SfnEndpoint api) {
    this.api = api;
    // The layout engine's first use loads and initialises its classes: do it before the first page asks.
    Thread warmUp = new Thread(() -> GraphLayout.layout(GraphBuilder.of(JSON.createObjectNode())), "console-layout-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  /**
   * @param host the request's Host header: only loopback names are served, so that a web page
   *     elsewhere cannot reach the console by pointing its own domain name at 127.0.0.1
   */
  public ConsoleResponse get(String path, String rawQuery, String host) {
    if (!LoopbackHosts.allowed(host)) return ConsoleResponse.text(403, "The console answers only on localhost");
    if (path.equals("/") || path.equals("/index.html")) return asset("index.html", "html");
    var asset = ASSET.matcher(path);
    if (asset.matches()) return asset(asset.group(1), asset.group(2));
    if (path.equals("/console/graph")) return graph(query(rawQuery));
    return ConsoleResponse.text(404, "Not found: " + path);
  }

  private ConsoleResponse asset(String name, String type) {
    try (InputStream in = ConsoleRoutes.class.getResourceAsStream(ASSETS + name)) {
      if (in == null) return ConsoleResponse.text(404, "Not found: " + name);
      return new ConsoleResponse(200, TYPES.get(type), in.readAllBytes(), ConsoleResponse.SECURITY_HEADERS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code ?stateMachineArn=...} or {@code ?executionArn=...[&path=State:branch/...]}, read through the API. */
  private ConsoleResponse graph(Map<String, String> query) {
    SfnEndpoint.Reply reply;
    if (query.containsKey("executionArn")) {
      reply = api.call("AWSStepFunctions.DescribeStateMachineForExecution", body("executionArn", query.get("executionArn")));
    } else if (query.containsKey("stateMachineArn")) {
      reply = api.call("AWSStepFunctions.DescribeStateMachine", body("stateMachineArn", query.get("stateMachineArn")));
    } else {
      return error(400, "ValidationException", "graph needs stateMachineArn or executionArn");
    }
    if (reply.status() != 200) return ConsoleResponse.json(reply.status(), reply.body());
    try {
      String text = JSON.readTree(reply.body()).path("definition").asText();
      String key = query.getOrDefault("path", "") + "\n" + text;
      String cached = layouts.get(key);
      if (cached != null) return ConsoleResponse.json(200, cached);
      JsonNode machine = MachinePaths.select(JSON.readTree(text), query.get("path"));
      String layout = JSON.writeValueAsString(GraphLayout.layout(GraphBuilder.of(machine)));
      layouts.put(key, layout);
      return ConsoleResponse.json(200, layout);
    } catch (IOException e) {
      return error(422, "InvalidDefinition", "The definition is not JSON: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return error(404, "ResourceNotFound", e.getMessage());
    }
  }

  private static String body(String field, String value) {
    return JSON.createObjectNode().put(field, value).toString();
  }

  private static ConsoleResponse error(int status, String type, String message) {
    ObjectNode node = JSON.createObjectNode().put("__type", type).put("message", message);
    return ConsoleResponse.json(status, node.toString());
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw == null || raw.isEmpty()) return values;
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      values.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }
}
