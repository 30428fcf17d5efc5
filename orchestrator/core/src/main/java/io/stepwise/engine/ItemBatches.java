package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.eval.PathRef;
import io.stepwise.eval.PayloadTemplate;
import io.stepwise.eval.Scope;
import io.stepwise.eval.StatesError;
import io.stepwise.eval.jsonata.JsonataBindings;
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

  ItemBatches(JsonNode batcher, Scope scope, Expressions expressions, JsonataBindings bindings) {
    maxItems = limit(batcher, "MaxItemsPerBatch", scope, expressions, bindings);
    maxBytes = limit(batcher, "MaxInputBytesPerBatch", scope, expressions, bindings);
    JsonNode input = null;
    if (batcher.has("BatchInput")) {
      input = bindings != null
          ? expressions.jsonata(batcher.get("BatchInput"), bindings, "BatchInput")
          : PayloadTemplate.compile(batcher.get("BatchInput")).evaluate(scope);
    }
    batchInput = input;
  }

  static List<JsonNode> of(JsonNode batcher, List<JsonNode> items, Scope scope, Expressions expressions, JsonataBindings bindings) {
    ItemBatches batches = new ItemBatches(batcher, scope, expressions, bindings);
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

  private static long limit(JsonNode batcher, String field, Scope scope, Expressions expressions, JsonataBindings bindings) {
    JsonNode value = batcher.get(field);
    if (value == null && batcher.has(field + "Path")) {
      value = PathRef.compile(batcher.get(field + "Path").asText()).find(scope);
    } else if (value != null && bindings != null) {
      value = expressions.jsonata(value, bindings, field);
    }
    if (value == null) return 0;
    if (!value.canConvertToLong() || value.asLong() < 0) {
      throw StatesError.runtime("The " + field + " value must be a positive integer, but was: " + Json.write(value));
    }
    return value.asLong();
  }
}
