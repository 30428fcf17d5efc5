package io.stepwise.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Where reading resumes: the index of the next item, and the position of its bytes in the
 * source (a byte offset in the object; the last key listed; for a manifest, the data file and the
 * items of it already read). A CSV read from its first row carries the header it found, so it can
 * resume mid-file. Small and printable: stored per group of children.
 */
public record ItemCursor(long index, long offset, String afterKey, int file, List<String> headers) {
  public static final ItemCursor START = new ItemCursor(0, 0, null, 0, null);

  ItemCursor at(long nextIndex, long nextOffset) {
    return new ItemCursor(nextIndex, nextOffset, afterKey, file, headers);
  }

  public String encode() {
    ObjectNode o = Json.object().put("i", index).put("o", offset).put("f", file);
    if (afterKey != null) o.put("k", afterKey);
    if (headers != null) {
      ArrayNode h = o.putArray("h");
      headers.forEach(h::add);
    }
    return Json.write(o);
  }

  public static ItemCursor decode(String text) {
    JsonNode o = Json.parse(text);
    List<String> headers = null;
    if (o.has("h")) {
      headers = new ArrayList<>();
      for (JsonNode h : o.get("h")) headers.add(h.asText());
    }
    return new ItemCursor(o.get("i").asLong(), o.get("o").asLong(), o.has("k") ? o.get("k").asText() : null,
        o.get("f").asInt(), headers);
  }
}
