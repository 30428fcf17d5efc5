package io.stepwise.aws.logs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsApiException;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.integrations.aws.AwsOperation;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import io.stepwise.json.Json;
import io.stepwise.observability.ExecutionLogFormat;
import io.stepwise.observability.LoggingConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Writes execution history events to the CloudWatch Logs group a state machine's
 * {@code loggingConfiguration} names, in Step Functions' log format ({@link ExecutionLogFormat}),
 * through the protocol-level caller (no Logs SDK in the jar).
 *
 * <p>{@link #add} only buffers, filtered by the configuration's level; {@link #flush} sends: one
 * log stream per group and state machine for this writer's life, named as Step Functions names
 * them ({@code states/MACHINE/yyyy-MM-dd-HH-mm/ID}), created on first use, and PutLogEvents in
 * batches within the API's limits. Logs are best effort, as in Step Functions: a flush never
 * throws, it reports what it could not deliver. Thread-safe.
 */
public final class ExecutionLogWriter {
  /** PutLogEvents' limits: 10,000 events, 1,048,576 bytes counting 26 bytes per event. */
  static final int MAX_BATCH_EVENTS = 10_000;
  static final int MAX_BATCH_BYTES = 1_048_576;
  static final int EVENT_OVERHEAD_BYTES = 26;
  private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm").withZone(ZoneOffset.UTC);

  private final AwsApiCaller aws;
  private final AwsCredentialsProvider credentials;
  private final InstantSource clock;
  private final Consumer<String> problems;
  /** Looked up on the first send: a cold start that writes no log does not load the service catalog. */
  private AwsService logs;
  private AwsOperation createLogStream;
  private AwsOperation putLogEvents;
  /** Streams by group ARN and machine name; a stream is created once, before its first events. */
  private final Map<Destination, String> streams = new LinkedHashMap<>();
  private final Set<Destination> created = new HashSet<>();
  private final Map<Destination, List<Entry>> pending = new LinkedHashMap<>();

  /** Where a line goes: a group, and the stream of one state machine's executions in it. */
  private record Destination(LoggingConfiguration config, String machineName) {}

  private record Entry(long timestamp, String message) {}

  /**
   * @param problems told, in one line each, why something could not be written (the caller logs it)
   */
  public ExecutionLogWriter(AwsApiCaller aws, AwsCredentialsProvider credentials, InstantSource clock,
      Consumer<String> problems) {
    this.aws = aws;
    this.credentials = credentials;
    this.clock = clock;
    this.problems = problems;
  }

  /**
   * Buffers the events of one execution that {@code config}'s level admits.
   *
   * @param machineName the state machine's name, which names the log stream
   * @return how many events were buffered
   */
  public synchronized int add(LoggingConfiguration config, String machineName, String executionArn, int redriveCount,
      List<HistoryEvent> events) {
    if (!config.enabled()) return 0;
    Destination destination = new Destination(new LoggingConfiguration(config.level(), false, config.logGroupArn()), machineName);
    List<Entry> entries = null;
    for (HistoryEvent event : events) {
      if (!config.level().admits(event.type())) continue;
      if (entries == null) entries = pending.computeIfAbsent(destination, d -> new ArrayList<>());
      entries.add(new Entry(event.timestamp().toEpochMilli(),
          ExecutionLogFormat.line(event, executionArn, redriveCount, config.includeExecutionData())));
    }
    return entries == null ? 0 : entries.size();
  }

  /** Sends everything buffered. @return how many events could not be delivered (0 when all were) */
  public int flush() {
    Map<Destination, List<Entry>> sending;
    synchronized (this) {
      if (pending.isEmpty()) return 0;
      sending = new LinkedHashMap<>(pending);
      pending.clear();
      if (logs == null) {
        logs = AwsServiceCatalog.standard().service("cloudwatchlogs").orElseThrow();
        createLogStream = logs.operation("createLogStream").orElseThrow();
        putLogEvents = logs.operation("putLogEvents").orElseThrow();
      }
    }
    int failed = 0;
    for (Map.Entry<Destination, List<Entry>> e : sending.entrySet()) failed += send(e.getKey(), e.getValue());
    return failed;
  }

  private int send(Destination destination, List<Entry> entries) {
    entries.sort(Comparator.comparingLong(Entry::timestamp)); // PutLogEvents wants them in time order
    LoggingConfiguration config = destination.config();
    String stream;
    try {
      stream = stream(destination);
    } catch (AwsApiException | RuntimeException e) {
      problems.accept("could not create a log stream in " + config.logGroupArn() + ": " + describe(e));
      return entries.size();
    }
    int failed = 0;
    for (List<Entry> batch : batches(entries)) {
      try {
        put(config, stream, batch);
      } catch (AwsApiException | RuntimeException e) {
        problems.accept("could not write " + batch.size() + " execution log events to " + config.logGroupArn()
            + ": " + describe(e));
        failed += batch.size();
      }
    }
    return failed;
  }

  private void put(LoggingConfiguration config, String stream, List<Entry> batch) throws AwsApiException {
    ArrayNode events = Json.array();
    for (Entry entry : batch) events.add(Json.object().put("Timestamp", entry.timestamp()).put("Message", entry.message()));
    ObjectNode request = Json.object().put("LogGroupName", config.logGroupName()).put("LogStreamName", stream);
    request.set("LogEvents", events);
    aws.call(logs, putLogEvents, request, credentials.resolveCredentials(), config.region());
  }

  /** This writer's stream for the destination, created on first use (an existing one is fine). */
  private String stream(Destination destination) throws AwsApiException {
    String stream;
    synchronized (this) {
      stream = streams.computeIfAbsent(destination, d -> "states/" + d.machineName() + "/"
          + STREAM_DATE.format(clock.instant()) + "/" + UUID.randomUUID().toString().replace("-", ""));
      if (created.contains(destination)) return stream;
    }
    LoggingConfiguration config = destination.config();
    try {
      aws.call(logs, createLogStream, Json.object().put("LogGroupName", config.logGroupName()).put("LogStreamName", stream),
          credentials.resolveCredentials(), config.region());
    } catch (AwsApiException e) {
      if (!"ResourceAlreadyExistsException".equals(e.code())) throw e;
    }
    synchronized (this) {
      created.add(destination);
    }
    return stream;
  }

  private static String describe(Exception e) {
    return e instanceof AwsApiException api && api.code() != null ? api.code() + ": " + api.serviceMessage() : e.toString();
  }

  /** Consecutive runs of entries within PutLogEvents' count and size limits. */
  static List<List<Entry>> batches(List<Entry> entries) {
    List<List<Entry>> batches = new ArrayList<>();
    List<Entry> batch = new ArrayList<>();
    long bytes = 0;
    for (Entry entry : entries) {
      long size = entry.message().getBytes(StandardCharsets.UTF_8).length + EVENT_OVERHEAD_BYTES;
      if (!batch.isEmpty() && (batch.size() == MAX_BATCH_EVENTS || bytes + size > MAX_BATCH_BYTES)) {
        batches.add(batch);
        batch = new ArrayList<>();
        bytes = 0;
      }
      batch.add(entry);
      bytes += size;
    }
    if (!batch.isEmpty()) batches.add(batch);
    return batches;
  }
}
