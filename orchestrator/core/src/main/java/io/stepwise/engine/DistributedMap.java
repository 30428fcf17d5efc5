package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.State;
import io.stepwise.asl.StateMachine;
import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.StatesError;
import io.stepwise.integrations.MapResources;
import io.stepwise.items.ReaderSpec;
import io.stepwise.items.ResultFiles;
import io.stepwise.items.WriterSpec;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Map with an ItemReader: its items are read by the runtime, in pieces, as children start,
 * so the engine hands over a plan instead of the children. The plan is pure: the reader and
 * writer with their parameters evaluated, and the functions that turn items into child inputs
 * (ItemSelector, ItemBatcher). The runtime rebuilds it from the waiting parent with
 * {@link #resume} whenever it reads more.
 */
public final class DistributedMap {
  private final Transition t;
  private final State.Map map;
  private final Flow flow;
  private final FanOut fanOut;

  DistributedMap(Transition t, State.Map map, Flow flow) {
    this.t = t;
    this.map = map;
    this.flow = flow;
    this.fanOut = new FanOut(t, map, flow);
  }

  /** The plan of the Map that {@code parent} waits in, as it was when the Map started. */
  public static DistributedMap resume(StateMachine machine, ExecutionState parent) {
    Entropy none = () -> {
      throw new IllegalStateException("a Map's plan issues no task tokens");
    };
    Transition t = new Transition(machine, parent, parent.stateEnteredTime(), none, null);
    State.Map map = (State.Map) machine.state(parent.currentState());
    return new DistributedMap(t, map, Flow.of(map.base(), t, new Expressions(t)));
  }

  /**
   * Enters the Map: checks the reader and writer now, so a bad one fails the state at once. As
   * AWS records it (test_map_item_reader_csv_max_items_paths), MaxItems is read after
   * MapStateStarted, so a value that is no integer fails there, and a negative one fails the Map
   * Run it starts, as a reader's failure does.
   */
  void start() {
    reader(0);
    writer();
    // Step Functions records length 0: the items are not yet read.
    t.history().add("MapStateStarted", "mapStateStartedEventDetails", Json.object().put("length", 0));
    long maxItems = maxItems();
    t.history().add("MapRunStarted", "mapRunStartedEventDetails", Json.object().put("mapRunArn", mapRunArn()));
    if (maxItems < 0) {
      failRun(t, map, ErrorNames.ITEM_READER_FAILED, "field MaxItems must be positive");
      return;
    }
    t.await(Phase.AWAIT_CHILDREN);
    t.command(new Command.ReadChildren(map.name(), this));
  }

  /** With a ResultWriter, the Map's output: the Map Run and where its manifest is; else null. */
  static JsonNode writtenResults(Transition t, State.Map map, Flow flow) {
    if (map.itemReader() == null && map.resultWriter() == null) return null;
    DistributedMap plan = new DistributedMap(t, map, flow);
    WriterSpec writer = plan.writer();
    return writer == null ? null : ResultFiles.details(writer, plan.mapRunArn());
  }

  public String stateName() {
    return map.name();
  }

  public String mapRunArn() {
    return fanOut.mapRunArn();
  }

  /** The item processor every child runs. */
  public StateMachine processor() {
    return map.processor();
  }

  public Map<String, JsonNode> variables() {
    return t.variables();
  }

  /** MaxConcurrency; 0 for unbounded. */
  public int maxConcurrency() {
    return (int) fanOut.number(map.maxConcurrency(), 0);
  }

  /** How many of {@code total} children may fail before the Map fails. */
  public long toleratedFailures(int total) {
    return fanOut.toleratedFailures(map, total);
  }

  /** The ItemReader with its Parameters (or Arguments) and ReaderConfig evaluated. */
  public ReaderSpec reader() {
    return reader(maxItems());
  }

  /** The Map Run failed before or after its children ran: MapRunFailed, then the state fails (or is caught). */
  static void failRun(Transition t, State state, String error, String cause) {
    t.history().add("MapRunFailed", "mapRunFailedEventDetails", Json.object().put("error", error).put("cause", cause));
    t.fail(state, error, cause);
  }

  /** ReaderConfig's MaxItems (or MaxItemsPath's value); 0 for no limit. */
  private long maxItems() {
    return (long) fanOut.number(maxItemsField(map.itemReader().path("ReaderConfig")), 0);
  }

  private ReaderSpec reader(long maxItems) {
    JsonNode reader = map.itemReader();
    String resource = reader.path("Resource").asText();
    JsonNode params = arguments(reader, "ItemReader");
    JsonNode config = reader.path("ReaderConfig");
    MapResources.Kind kind = MapResources.reader(resource).orElseThrow(() -> new StatesError(
        ErrorNames.ITEM_READER_FAILED, "Stepwise's ItemReader reads from " + MapResources.READERS + ", not " + resource));
    if (kind == MapResources.Kind.LIST_OBJECTS) {
      return new ReaderSpec(ReaderSpec.Source.LIST, text(params, "Bucket", true), null, text(params, "Prefix", false),
          null, null, ',', maxItems);
    }
    String inputType = config.path("InputType").asText("JSON");
    if (!List.of("JSON", "JSONL", "CSV", "MANIFEST").contains(inputType)) {
      throw new StatesError(ErrorNames.ITEM_READER_FAILED, "ReaderConfig.InputType must be JSON, JSONL, CSV or MANIFEST, but was " + inputType);
    }
    List<String> headers = null;
    char delimiter = ',';
    if ("CSV".equals(inputType)) {
      String location = config.path("CSVHeaderLocation").asText("FIRST_ROW");
      if ("GIVEN".equals(location)) {
        headers = new ArrayList<>();
        for (JsonNode header : config.path("CSVHeaders")) headers.add(header.asText());
        if (headers.isEmpty()) throw new StatesError(ErrorNames.ITEM_READER_FAILED, "CSVHeaderLocation GIVEN needs CSVHeaders");
      } else if (!"FIRST_ROW".equals(location)) {
        throw new StatesError(ErrorNames.ITEM_READER_FAILED, "CSVHeaderLocation must be FIRST_ROW or GIVEN, but was " + location);
      }
      try {
        delimiter = io.stepwise.items.ItemStreams.delimiter(config.has("CSVDelimiter") ? config.get("CSVDelimiter").asText() : null);
      } catch (IllegalArgumentException e) {
        throw new StatesError(ErrorNames.ITEM_READER_FAILED, e.getMessage());
      }
    }
    return new ReaderSpec(ReaderSpec.Source.OBJECT, text(params, "Bucket", true), text(params, "Key", true), null,
        inputType, headers, delimiter, maxItems);
  }

  /** The ResultWriter's S3 location, or null without one (or with only a WriterConfig). */
  public WriterSpec writer() {
    JsonNode writer = map.resultWriter();
    if (writer == null) return null;
    JsonNode config = writer.get("WriterConfig");
    if (config != null && !(config.path("OutputType").asText("JSON").equals("JSON")
        && config.path("Transformation").asText("NONE").equals("NONE"))) {
      throw new StatesError(ErrorNames.RESULT_WRITER_FAILED, "Stepwise's ResultWriter writes OutputType JSON with "
          + "Transformation NONE only, not " + Json.write(config));
    }
    if (!writer.has("Resource")) return null;
    String resource = writer.get("Resource").asText();
    if (MapResources.writer(resource).isEmpty()) {
      throw new StatesError(ErrorNames.RESULT_WRITER_FAILED, "Stepwise's ResultWriter writes with " + MapResources.WRITERS + ", not " + resource);
    }
    JsonNode params = arguments(writer, "ResultWriter");
    return new WriterSpec(text(params, "Bucket", true), text(params, "Prefix", false));
  }

  /** Turns items into child inputs, in order; one per run of reading. */
  public ChildInputs childInputs() {
    return new ChildInputs();
  }

  /** ItemSelector on each item, then ItemBatcher when there is one. */
  public final class ChildInputs {
    private final ItemBatches batches = map.itemBatcher() == null ? null
        : new ItemBatches(map.itemBatcher(), flow);

    /** True with an ItemBatcher: a child's input is complete only once the next item does not fit. */
    public boolean batched() {
      return batches != null;
    }

    /** Adds item {@code index}; returns a completed child input, or null while a batch fills. */
    public JsonNode add(JsonNode item, long index) {
      JsonNode selected = flow.item(map, (int) index, item);
      return batches == null ? selected : batches.add(selected);
    }

    /** The last, partly filled batch, or null. */
    public JsonNode finish() {
      return batches == null ? null : batches.finish();
    }
  }

  private State.Seconds maxItemsField(JsonNode config) {
    if (config.has("MaxItemsPath")) return new State.Seconds(null, config.get("MaxItemsPath").asText(), "MaxItemsPath");
    if (config.has("MaxItems")) return new State.Seconds(config.get("MaxItems"), null, "MaxItems");
    return null;
  }

  private JsonNode arguments(JsonNode owner, String field) {
    return flow.resourceArguments(owner);
  }

  private static String text(JsonNode params, String field, boolean required) {
    JsonNode value = params.get(field);
    if (value == null || value.isNull()) {
      if (!required) return null;
      throw StatesError.runtime("The ItemReader or ResultWriter needs a " + field + " parameter");
    }
    return value.asText();
  }
}
