package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.FieldChecks.at;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Diagnostics;
import io.stepwise.integrations.MapResources;
import io.stepwise.asl.validate.StateSchema.Lang;
import java.util.Set;

/** Checks the fields specific to Map states: the item processor, the item source and the limits. */
final class MapChecks {
  static final Set<String> PROCESSOR_FIELDS = Set.of("StartAt", "States", "Comment", "ProcessorConfig");
  private static final Set<String> PROCESSOR_CONFIG_FIELDS = Set.of("Mode", "ExecutionType");
  private static final Set<String> READER_FIELDS = Set.of("Resource", "Parameters", "Arguments", "ReaderConfig");
  private static final Set<String> BATCHER_FIELDS = Set.of("MaxItemsPerBatch", "MaxItemsPerBatchPath",
      "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", "BatchInput");
  private static final Set<String> WRITER_FIELDS = Set.of("Resource", "Parameters", "Arguments", "WriterConfig");
  private static final int MAX_LABEL = 40;
  private static final String LABEL_REFUSED = "?*<>{}[]:;,\\|^~$#%&`\"";

  private final FieldChecks fields;
  private final StateChecks.Machines machines;

  MapChecks(FieldChecks fields, StateChecks.Machines machines) {
    this.fields = fields;
    this.machines = machines;
  }

  /** {@code map} holds only the fields a Map of this query language supports. */
  void check(JsonNode map, String loc, Lang lang) {
    processor(map, loc);
    items(map, loc, lang);
    limits(map, loc, lang);
    JsonNode v;
    if ((v = map.get("Label")) != null && fields.string(v, at(loc, "Label"))) label(v.asText(), at(loc, "Label"));
    if ((v = map.get("ItemReader")) != null) reader(v, at(loc, "ItemReader"), lang);
    if ((v = map.get("ItemBatcher")) != null) batcher(v, at(loc, "ItemBatcher"), lang);
    if ((v = map.get("ResultWriter")) != null) writer(v, at(loc, "ResultWriter"), lang);
  }

  /**
   * A Distributed Map's Label, as AWS refuses it: empty, over 40 characters, or holding whitespace,
   * a bracket, a wildcard, a backslash, one of {@code " # % ^ | ~ ` $ & , ; :} or a control character.
   */
  private void label(String label, String loc) {
    if (label.isEmpty()) fields.problems.schema(loc, "Label must not be empty");
    if (label.length() > MAX_LABEL) fields.problems.schema(loc, "Label must be at most " + MAX_LABEL + " characters");
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (Character.isWhitespace(c) || LABEL_REFUSED.indexOf(c) >= 0 || c < 0x20 || (c >= 0x7F && c < 0xA0)) {
        fields.problems.schema(loc, "Label must not contain the character '" + c + "'");
        return;
      }
    }
  }

  private void processor(JsonNode map, String loc) {
    if (!map.has("ItemProcessor") && !map.has("Iterator")) {
      fields.problems.schema(loc, "These fields are required: [ItemProcessor]");
    }
    fields.atMostOne(map, loc, "ItemProcessor", "Iterator");
    // Iterator is the deprecated name of ItemProcessor; when both are given only the first is checked.
    String field = map.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
    JsonNode processor = map.get(field);
    if (processor == null) return;
    String here = at(loc, field);
    machines.check(processor, here, PROCESSOR_FIELDS);
    JsonNode config = processor.isObject() ? processor.get("ProcessorConfig") : null;
    if (config != null) processorConfig(config, at(here, "ProcessorConfig"));
  }

  private void processorConfig(JsonNode config, String loc) {
    if (!fields.object(config, loc)) return;
    fields.onlyKnown(config, loc, PROCESSOR_CONFIG_FIELDS);
    JsonNode mode = config.get("Mode");
    if (mode != null && !Set.of("INLINE", "DISTRIBUTED").contains(mode.asText(""))) {
      fields.problems.schema(at(loc, "Mode"), "Mode must be INLINE or DISTRIBUTED");
    }
    JsonNode type = config.get("ExecutionType");
    if (type != null && !Set.of("STANDARD", "EXPRESS").contains(type.asText(""))) {
      fields.problems.schema(at(loc, "ExecutionType"), "ExecutionType must be STANDARD or EXPRESS");
    }
    if (mode != null && "DISTRIBUTED".equals(mode.asText()) && type == null) {
      fields.problems.schema(loc, "These fields are required: [ExecutionType]");
    }
  }

  private void items(JsonNode map, String loc, Lang lang) {
    JsonNode v;
    if ((v = map.get("ItemsPath")) != null) fields.paths.referencePath(v, at(loc, "ItemsPath"), "ItemsPath");
    if ((v = map.get("Items")) != null) {
      if (FieldChecks.isExpression(v) || v.isArray()) fields.expressions(v, at(loc, "Items"));
      else fields.problems.schema(at(loc, "Items"), "Items must be an array or a JSONata expression");
    }
    // Parameters, the legacy name of ItemSelector, is checked with the other JSONPath templates.
    fields.atMostOne(map, loc, "ItemSelector", "Parameters");
    if ((v = map.get("ItemSelector")) != null) {
      if (lang == Lang.JSONPATH) fields.paths.template(v, at(loc, "ItemSelector"));
      else fields.objectOrExpression(v, at(loc, "ItemSelector"));
    }
  }

  private void limits(JsonNode map, String loc, Lang lang) {
    fields.atMostOne(map, loc, "MaxConcurrency", "MaxConcurrencyPath");
    fields.atMostOne(map, loc, "ToleratedFailureCount", "ToleratedFailureCountPath");
    fields.atMostOne(map, loc, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
    JsonNode v;
    if ((v = map.get("MaxConcurrency")) != null) {
      fields.integerOrExpression(v, at(loc, "MaxConcurrency"), lang, 0, Long.MAX_VALUE);
    }
    if ((v = map.get("ToleratedFailureCount")) != null) {
      fields.integerOrExpression(v, at(loc, "ToleratedFailureCount"), lang, 0, Long.MAX_VALUE);
    }
    if ((v = map.get("ToleratedFailurePercentage")) != null) {
      fields.numberOrExpression(v, at(loc, "ToleratedFailurePercentage"), lang, 0, 100);
    }
    for (String field : new String[] {"MaxConcurrencyPath", "ToleratedFailureCountPath",
        "ToleratedFailurePercentagePath"}) {
      if ((v = map.get(field)) != null) fields.paths.referencePath(v, at(loc, field), field);
    }
  }

  private void reader(JsonNode reader, String loc, Lang lang) {
    if (!fields.object(reader, loc)) return;
    fields.onlyKnown(reader, loc, READER_FIELDS);
    if (fields.required(reader, loc, "Resource")) {
      fields.resource(reader.get("Resource"), at(loc, "Resource"));
      mapResource(reader.get("Resource"), at(loc, "Resource"), MapResources.reader(reader.get("Resource").asText()).isPresent(),
          "ItemReader", MapResources.READERS);
    }
    arguments(reader, loc, lang);
    JsonNode config = reader.get("ReaderConfig");
    if (config == null || !fields.object(config, at(loc, "ReaderConfig"))) return;
    String here = at(loc, "ReaderConfig");
    fields.atMostOne(config, here, "MaxItems", "MaxItemsPath");
    JsonNode v;
    if ((v = config.get("MaxItems")) != null) {
      fields.integerOrExpression(v, at(here, "MaxItems"), lang, 0, Long.MAX_VALUE);
    }
    if ((v = fields.get(config, here, "MaxItemsPath", lang)) != null) {
      fields.paths.referencePath(v, at(here, "MaxItemsPath"), "MaxItemsPath");
    }
  }

  private void batcher(JsonNode batcher, String loc, Lang lang) {
    if (!fields.object(batcher, loc)) return;
    fields.onlyKnown(batcher, loc, BATCHER_FIELDS);
    for (String field : new String[] {"MaxItemsPerBatch", "MaxInputBytesPerBatch"}) {
      fields.atMostOne(batcher, loc, field, field + "Path");
      JsonNode v = batcher.get(field);
      if (v != null) fields.integerOrExpression(v, at(loc, field), lang, 0, Long.MAX_VALUE);
      v = fields.get(batcher, loc, field + "Path", lang);
      if (v != null) fields.paths.referencePath(v, at(loc, field + "Path"), field + "Path");
    }
    JsonNode input = batcher.get("BatchInput");
    if (input == null) return;
    if (lang == Lang.JSONPATH) fields.paths.template(input, at(loc, "BatchInput"));
    else fields.objectOrExpression(input, at(loc, "BatchInput"));
  }

  private void writer(JsonNode writer, String loc, Lang lang) {
    if (!fields.object(writer, loc)) return;
    fields.onlyKnown(writer, loc, WRITER_FIELDS);
    if (writer.has("Resource")) {
      fields.resource(writer.get("Resource"), at(loc, "Resource"));
      mapResource(writer.get("Resource"), at(loc, "Resource"), MapResources.writer(writer.get("Resource").asText()).isPresent(),
          "ResultWriter", MapResources.WRITERS);
    }
    arguments(writer, loc, lang);
    JsonNode config = writer.get("WriterConfig");
    if (config != null) fields.object(config, at(loc, "WriterConfig"));
  }

  /** An ItemReader's or ResultWriter's ARN that Stepwise cannot run fails validation, naming it. */
  private void mapResource(JsonNode resource, String loc, boolean supported, String field, String list) {
    if (!resource.isTextual() || !resource.asText().startsWith("arn:") || supported) return;
    fields.problems.add(Diagnostics.INVALID_RESOURCE, loc, "Resource '" + resource.asText()
        + "' is not supported by Stepwise as a " + field + "; supported: " + list);
  }

  /** Parameters (a JSONPath template) or Arguments (JSONata) of an ItemReader or ResultWriter. */
  private void arguments(JsonNode owner, String loc, Lang lang) {
    JsonNode v;
    if ((v = fields.get(owner, loc, "Parameters", lang)) != null) {
      fields.paths.template(v, at(loc, "Parameters"));
    }
    if ((v = fields.get(owner, loc, "Arguments", lang)) != null) {
      fields.objectOrExpression(v, at(loc, "Arguments"));
    }
  }
}
