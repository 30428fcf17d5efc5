package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import io.stepwise.json.JsonText;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The details of a state's entered and exited events, which depend on the state's name alone:
 * built and printed once per name, then shared (event details are never changed once written).
 */
record StateEventDetails(JsonNode node, String text) {
  private static final int KEPT = 10_000;
  private static final Map<String, StateEventDetails> ENTERED = new ConcurrentHashMap<>();
  private static final Map<String, StateEventDetails> EXITED = new ConcurrentHashMap<>();

  static StateEventDetails entered(String name) {
    return cached(ENTERED, name, "inputDetails");
  }

  static StateEventDetails exited(String name) {
    return cached(EXITED, name, "outputDetails");
  }

  private static StateEventDetails cached(Map<String, StateEventDetails> cache, String name, String truncationField) {
    StateEventDetails known = cache.get(name);
    if (known != null) return known;
    ObjectNode d = Json.object();
    d.put("name", name);
    d.set(truncationField, History.NOT_TRUNCATED);
    StateEventDetails made = new StateEventDetails(d, JsonText.print(d));
    if (cache.size() < KEPT) cache.put(name, made);
    return made;
  }
}
