package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * ItemBatcher: groups Map items into {@code {"BatchInput": ..., "Items": [...]}} child inputs,
 * one item at a time, so items read in pieces batch exactly as items given at once.
 */
final class ItemBatches {
  private final long maxItems;
  private final long maxBytes;
  private final JsonNode batchInput;
  private ArrayNode current = Json.array();
  private long bytes;

  ItemBatches(JsonNode batcher, Flow flow) {
    maxItems = limit(batcher, "MaxItemsPerBatch", flow);
    maxBytes = limit(batcher, "MaxInputBytesPerBatch", flow);
    batchInput = batcher.has("BatchInput") ? flow.template(batcher.get("BatchInput"), "BatchInput") : null;
  }

  static List<JsonNode> of(JsonNode batcher, List<JsonNode> items, Flow flow) {
    ItemBatches batches = new ItemBatches(batcher, flow);
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode item : items) {
      JsonNode full = batches.add(item);
      if (full != null) out.add(full);
    }
    JsonNode last = batches.finish();
    if (last != null) out.add(last);
    return out;
  }

  /** Adds {@code item}; returns the batch it did not fit into (now complete), or null. */
  JsonNode add(JsonNode item) {
    long size = Json.utf8Size(item);
    JsonNode full = null;
    if (current.size() > 0 && ((maxItems > 0 && current.size() >= maxItems) || (maxBytes > 0 && bytes + size > maxBytes))) {
      full = batch(current);
      current = Json.array();
      bytes = 0;
    }
    current.add(item);
    bytes += size;
    return full;
  }

  /** The last batch, or null when there are no items left in one. */
  JsonNode finish() {
    if (current.size() == 0) return null;
    JsonNode last = batch(current);
    current = Json.array();
    bytes = 0;
    return last;
  }

  private JsonNode batch(ArrayNode items) {
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
    // As for the Map's other *Path limits, a string of digits counts as its number (AWS-recorded
    // test_reference_in_map_state_max_items_path[MAP_STATE_REFERENCE_IN_MAX_PER_BATCH_PATH]).
    Long n = value.isTextual() ? MapLimits.integer(value) : value.canConvertToLong() ? Long.valueOf(value.asLong()) : null;
    if (n == null || n < 0) {
      throw StatesError.runtime("The " + field + " value must be a positive integer, but was: " + Json.write(value));
    }
    return n;
  }
}
