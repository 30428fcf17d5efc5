package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.List;

/** ItemBatcher: groups Map items into {@code {"BatchInput": ..., "Items": [...]}} child inputs. */
final class ItemBatches {
  private ItemBatches() {}

  static List<JsonNode> of(JsonNode batcher, List<JsonNode> items, Flow flow) {
    long maxItems = limit(batcher, "MaxItemsPerBatch", flow);
    long maxBytes = limit(batcher, "MaxInputBytesPerBatch", flow);
    JsonNode batchInput = batcher.has("BatchInput") ? flow.template(batcher.get("BatchInput"), "BatchInput") : null;
    List<JsonNode> batches = new ArrayList<>();
    ArrayNode current = Json.array();
    long bytes = 0;
    for (JsonNode item : items) {
      long size = Json.utf8Size(item);
      boolean full = current.size() > 0
          && ((maxItems > 0 && current.size() >= maxItems) || (maxBytes > 0 && bytes + size > maxBytes));
      if (full) {
        batches.add(batch(batchInput, current));
        current = Json.array();
        bytes = 0;
      }
      current.add(item);
      bytes += size;
    }
    if (current.size() > 0) batches.add(batch(batchInput, current));
    return batches;
  }

  private static JsonNode batch(JsonNode batchInput, ArrayNode items) {
    ObjectNode batch = Json.object();
    if (batchInput != null) batch.set("BatchInput", batchInput);
    batch.set("Items", items);
    return batch;
  }

  private static long limit(JsonNode batcher, String field, Flow flow) {
    JsonNode value = batcher.get(field);
    if (value != null) {
      value = flow.value(value, null, field);
    } else if (batcher.has(field + "Path")) {
      value = flow.value(null, batcher.get(field + "Path").asText(), field);
    }
    if (value == null) return 0;
    if (!value.canConvertToLong() || value.asLong() < 0) {
      throw StatesError.runtime("The " + field + " value must be a positive integer, but was: " + Json.write(value));
    }
    return value.asLong();
  }
}
