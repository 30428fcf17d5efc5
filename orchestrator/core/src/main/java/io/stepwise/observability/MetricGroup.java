package io.stepwise.observability;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one dimension value (a state machine, a task resource, or none) gathered over
 * one batch, and their CloudWatch Embedded Metric Format documents: counts summed, durations as
 * arrays of values (EMF takes up to 100 values per metric in one document).
 *
 * @param dimension the dimension's name, or null for metrics without one
 * @param rollUp also publish the metrics without the dimension (a total across its values)
 */
record MetricGroup(String dimension, String value, boolean rollUp, Map<String, Long> counts,
    Map<String, List<Long>> durations) {
  /** EMF's limit on the values of one metric in one document. */
  static final int MAX_VALUES = 100;

  MetricGroup(String dimension, String value, boolean rollUp) {
    this(dimension, value, rollUp, new LinkedHashMap<>(), new LinkedHashMap<>());
  }

  void count(String metric, long n) {
    counts.merge(metric, n, Long::sum);
  }

  void duration(String metric, long millis) {
    durations.computeIfAbsent(metric, m -> new ArrayList<>()).add(Math.max(0, millis));
  }

  /** One EMF document per 100 values of the busiest duration; the counts go in the first. */
  List<String> emf(String namespace, long timestampMillis) {
    int documents = 1;
    for (List<Long> values : durations.values()) documents = Math.max(documents, (values.size() + MAX_VALUES - 1) / MAX_VALUES);
    List<String> lines = new ArrayList<>(documents);
    for (int d = 0; d < documents; d++) {
      ObjectNode doc = Json.object();
      ArrayNode definitions = Json.array();
      if (d == 0) {
        for (Map.Entry<String, Long> c : counts.entrySet()) {
          doc.put(c.getKey(), c.getValue());
          definitions.add(Json.object().put("Name", c.getKey()).put("Unit", "Count"));
        }
      }
      for (Map.Entry<String, List<Long>> t : durations.entrySet()) {
        List<Long> values = t.getValue();
        int from = d * MAX_VALUES;
        if (from >= values.size()) continue;
        ArrayNode chunk = doc.putArray(t.getKey());
        for (long v : values.subList(from, Math.min(values.size(), from + MAX_VALUES))) chunk.add(v);
        definitions.add(Json.object().put("Name", t.getKey()).put("Unit", "Milliseconds"));
      }
      if (definitions.isEmpty()) continue;
      ArrayNode dimensions = Json.array();
      if (dimension != null) {
        dimensions.add(Json.array().add(dimension));
        doc.put(dimension, value);
      }
      if (dimension == null || rollUp) dimensions.add(Json.array());
      ObjectNode directive = Json.object().put("Namespace", namespace);
      directive.set("Dimensions", dimensions);
      directive.set("Metrics", definitions);
      ObjectNode aws = Json.object().put("Timestamp", timestampMillis);
      aws.putArray("CloudWatchMetrics").add(directive);
      ObjectNode line = Json.object();
      line.set("_aws", aws);
      line.setAll(doc);
      lines.add(Json.write(line));
    }
    return lines;
  }
}
