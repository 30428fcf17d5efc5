package io.stepwise.integrations.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Form and query encoding as the HTTP Task does it: {@code Transform.RequestBodyEncoding
 * URL_ENCODED} turns a JSON body into {@code a=1&b%5Bc%5D=2}, with arrays in the chosen
 * {@code ArrayFormat} (INDICES by default) and nested objects as {@code parent[child]}.
 */
public final class UrlEncoding {
  /** How arrays are written (Step Functions' {@code RequestEncodingOptions.ArrayFormat}). */
  public enum ArrayFormat { INDICES, REPEAT, COMMAS, BRACKETS }

  private UrlEncoding() {}

  public static ArrayFormat arrayFormat(String name) throws HttpTaskFailure {
    if (name == null) return ArrayFormat.INDICES;
    try {
      return ArrayFormat.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new HttpTaskFailure("States.Runtime", "RequestEncodingOptions.ArrayFormat must be one of INDICES, REPEAT, "
          + "COMMAS or BRACKETS, not '" + name + "'");
    }
  }

  /** {@code body}, an object, as form data. */
  public static String form(JsonNode body, ArrayFormat format) {
    List<String> pairs = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      add(pairs, e.getKey(), e.getValue(), format);
    }
    return String.join("&", pairs);
  }

  private static void add(List<String> pairs, String key, JsonNode value, ArrayFormat format) {
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        add(pairs, key + "[" + e.getKey() + "]", e.getValue(), format);
      }
    } else if (value.isArray()) {
      switch (format) {
        case INDICES -> {
          for (int i = 0; i < value.size(); i++) add(pairs, key + "[" + i + "]", value.get(i), format);
        }
        case REPEAT -> value.forEach(v -> add(pairs, key, v, format));
        case BRACKETS -> value.forEach(v -> add(pairs, key + "[]", v, format));
        case COMMAS -> {
          List<String> texts = new ArrayList<>();
          value.forEach(v -> texts.add(scalar(v)));
          pairs.add(encode(key) + "=" + encode(String.join(",", texts)));
        }
      }
    } else {
      pairs.add(encode(key) + "=" + encode(scalar(value)));
    }
  }

  private static String scalar(JsonNode v) {
    return v.isValueNode() ? v.asText() : v.toString();
  }

  /** Percent-encoding with spaces as {@code %20}, as Step Functions sends them. */
  public static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~");
  }
}
