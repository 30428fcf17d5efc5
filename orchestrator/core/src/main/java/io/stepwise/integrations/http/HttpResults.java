package io.stepwise.integrations.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.eval.ErrorNames;
import io.stepwise.json.Json;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP answer as a Task's result, {@code {Headers, ResponseBody, StatusCode, StatusText}}, or
 * as its error: {@code ApiGateway.<status>} with the body as cause for apigateway:invoke,
 * {@code States.Http.StatusCode.<status>} with the status text as cause for http:invoke.
 */
public final class HttpResults {
  /** Which integration answered: they name their errors differently. */
  public enum Style { API_GATEWAY, HTTPS }

  /** What came back. */
  public record Response(int status, String statusText, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
      }
      return null;
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private HttpResults() {}

  /** @throws HttpTaskFailure for a status outside 2xx, or (http:invoke) an answer that is not text */
  public static JsonNode result(Style style, Response response) throws HttpTaskFailure {
    if (response.status() < 200 || response.status() >= 300) throw failure(style, response);
    ObjectNode result = Json.object();
    result.set("Headers", headers(response.headers()));
    result.set("ResponseBody", body(style, response));
    result.put("StatusCode", response.status());
    result.put("StatusText", statusText(response));
    return result;
  }

  /** No answer at all (refused, reset, timed out): {@code ApiGateway.<Exception>} or {@code States.Http.Socket}. */
  public static HttpTaskFailure noAnswer(Style style, Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return style == Style.API_GATEWAY
        ? new HttpTaskFailure("ApiGateway." + e.getClass().getSimpleName(), message)
        : new HttpTaskFailure("States.Http.Socket", message);
  }

  static HttpTaskFailure failure(Style style, Response response) {
    return style == Style.API_GATEWAY
        ? new HttpTaskFailure("ApiGateway." + response.status(), response.bodyText())
        : new HttpTaskFailure("States.Http.StatusCode." + response.status(), statusText(response));
  }

  public static ObjectNode headers(Map<String, List<String>> headers) {
    ObjectNode out = Json.object();
    headers.forEach((name, values) -> {
      if (name == null) return;
      ArrayNode list = out.putArray(name);
      values.forEach(list::add);
    });
    return out;
  }

  /** JSON when the answer says it is JSON (and parses), text otherwise. */
  private static JsonNode body(Style style, Response response) throws HttpTaskFailure {
    String type = response.header("Content-Type");
    String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (style == Style.HTTPS && (lower.startsWith("application/octet-stream") || lower.startsWith("image/")
        || lower.startsWith("video/") || lower.startsWith("audio/"))) {
      throw new HttpTaskFailure(ErrorNames.RUNTIME, "The HTTP Task does not support responses of content type " + type);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(response.body())).toString();
    } catch (CharacterCodingException e) {
      throw new HttpTaskFailure(ErrorNames.RUNTIME, "The response body cannot be read as text");
    }
    if (lower.contains("json") && !text.isBlank()) {
      try {
        return Json.parse(text);
      } catch (IllegalArgumentException notJson) {
        return Json.text(text);
      }
    }
    return Json.text(text);
  }

  static String statusText(Response response) {
    if (response.statusText() != null && !response.statusText().isBlank()) return response.statusText();
    return switch (response.status()) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "";
    };
  }
}
