package io.stepwise.bench;

import io.stepwise.runtime.Pause;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.aws.dynamodb.DynamoDbDocumentStore;
import io.stepwise.aws.dynamodb.DynamoDbExecutionStore;
import io.stepwise.aws.integrations.TaskInvokers;
import io.stepwise.aws.logs.ExecutionLogWriter;
import io.stepwise.lambda.Observability;
import io.stepwise.observability.JsonLog;
import io.stepwise.observability.MachineLogging;
import io.stepwise.observability.StepMetrics;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import io.stepwise.local.runtime.LocalEventSourceMapping;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.local.servers.AwsClients;
import io.stepwise.local.servers.DynaliteServer;
import io.stepwise.local.servers.ElasticMqServer;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.StateMachineStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The Lambda runtime end to end on local servers (ElasticMQ, dynalite, the real step handler and
 * a local event source mapping): N executions of a 20-state machine over a 1 KB document started
 * at once, for N = 1, 10, 100. Reports throughput, transition latency, the AWS calls per
 * transition counted inside the SDK, and what they would cost at us-east-1 prices.
 */
public final class RuntimeBench {
  static final int STATES = 20;
  static final int BATCH_SIZE = 10;
  static final int MEMORY_MB = 1024;
  // us-east-1 on-demand prices
  static final double DYNAMODB_PER_WRITE_UNIT = 0.625e-6;
  static final double DYNAMODB_PER_READ_UNIT = 0.125e-6;
  static final double SQS_PER_REQUEST = 0.40e-6;
  static final double LAMBDA_PER_REQUEST = 0.20e-6;
  static final double LAMBDA_PER_GB_SECOND_ARM64 = 0.0000133334;

  static final String METHOD = "Per transition, counted inside the SDK of the runtime's own clients: DynamoDB write"
      + " and read units as dynalite reports them with ReturnConsumedCapacity (a write the larger of the item"
      + " before and after, 1 per KB; a strongly consistent read 1 per 4 KB, a Query summing its items), plus"
      + " failed conditional writes (billed by their item) and the KEYS_ONLY index's entry writes; SQS requests"
      + " of every kind, the event source mapping's receives and deletes included. Lambda: the handler"
      + " invocation's wall time (the batch's messages share it, handled " + "concurrently), as GB-s at memory_mb,"
      + " arm64 price, plus the request fee per batch of " + BATCH_SIZE + ". us-east-1 on-demand prices.";

  public ObjectNode run(int[] concurrencies) {
    AwsCallCounter counter = new AwsCallCounter();
    try (ElasticMqServer sqsServer = ElasticMqServer.start();
        DynaliteServer dynamoServer = DynaliteServer.start();
        DynamoDbClient counted = counter.dynamoDb(dynamoServer.endpoint());
        SqsClient countedSqs = counter.sqs(sqsServer.endpoint());
        DynamoDbClient observer = AwsClients.dynamoDb(dynamoServer.endpoint())) {
      LocalRuntime.Options options = new LocalRuntime.Options(5, 10, 4, BATCH_SIZE);
      ObjectNode runtime = Json.object();
      ArrayNode rounds = runtime.putArray("rounds");
      ObjectNode last = null;
      for (ObjectNode round : rounds(counted, countedSqs, observer, counter, "stepwise-bench", options, concurrencies)) {
        rounds.add(round);
        last = round;
      }
      // The headline keys are those of the largest round.
      runtime.setAll(last);
      runtime.remove("concurrent_executions");
      runtime.put("batch_size", BATCH_SIZE);
      runtime.put("memory_mb", MEMORY_MB);
      runtime.put("states_per_execution", STATES);
      runtime.put("payload_bytes", input().length());
      // The same largest round in the same run, with the handler taking a batch's messages one
      // after another: what handling them at once saves.
      int largest = concurrencies[concurrencies.length - 1];
      ObjectNode sequential = rounds(counted, countedSqs, observer, counter, "stepwise-bench-sequential",
          options.sequential(), new int[] {largest}).get(0);
      sequential.put("method", "as the headline round, handler_parallelism 1 instead of " + options.handlerParallelism());
      runtime.putObject("levers").set("sequential_batch", sequential);
      runtime.put("handler_parallelism", options.handlerParallelism());
      runtime.put("method", METHOD);
      return runtime;
    }
  }

  private static String input() {
    return Json.write(Workloads.oneKilobyteDocument());
  }

  /** One local runtime, warmed up, then a round per concurrency; closed before the next one polls. */
  private List<ObjectNode> rounds(DynamoDbClient dynamo, SqsClient sqs, DynamoDbClient observer, AwsCallCounter counter,
      String name, LocalRuntime.Options options, int[] concurrencies) {
    List<ObjectNode> reports = new ArrayList<>();
    try (LocalRuntime local = LocalRuntime.start(dynamo, sqs, name, TaskInvoker.NONE, options, observed(dynamo, name))) {
      ExecutionStore watch = new DynamoDbExecutionStore(observer, name);
      String machineArn = "arn:aws:states:us-east-1:000000000000:stateMachine:bench";
      local.runtime().machines().store().put(new StateMachineStore.StateMachineRecord(machineArn, "bench", 0,
          Workloads.passChain(STATES), "role", "STANDARD"));
      String input = input();
      runRound(local, watch, machineArn, input, "warmup", 5);
      for (int n : concurrencies) {
        List<Long> before = counter.snapshot();
        Map<String, Long> sqsBefore = counter.sqsActions();
        LocalEventSourceMapping.Stats statsBefore = local.mappingStats();
        long emfBefore = emfLines.get();
        Round round = runRound(local, watch, machineArn, input, "c" + n, n);
        List<Long> after = counter.snapshot();
        LocalEventSourceMapping.Stats statsAfter = local.mappingStats();
        ObjectNode report = report(n, round, before, after, statsBefore, statsAfter);
        ObjectNode byAction = report.putObject("sqs_requests_by_action");
        counter.sqsActions().forEach((action, count) ->
            byAction.put(action, round3((count - sqsBefore.getOrDefault(action, 0L)) / (double) round.transitions())));
        report.put("emf_lines_per_transition", round3((emfLines.get() - emfBefore) / (double) round.transitions()));
        reports.add(report);
      }
    }
    return reports;
  }

  private final AtomicLong emfLines = new AtomicLong();

  /**
   * What the orchestrator observes on Lambda, so its cost is in the numbers: EMF metrics (the
   * lines counted, not printed), INFO logging, and each machine's logging configuration looked up
   * (the bench's machine logs nothing, so no log group is written).
   */
  private Observability observed(DynamoDbClient dynamo, String table) {
    InstantSource clock = InstantSource.system();
    JsonLog log = new JsonLog(JsonLog.Level.INFO, System.err::println, clock);
    return new Observability(new StepMetrics(StepMetrics.DEFAULT_NAMESPACE), line -> emfLines.incrementAndGet(), log,
        new MachineLogging(new DynamoDbDocumentStore(dynamo, table), clock),
        new ExecutionLogWriter(new AwsApiCaller(TaskInvokers.httpClient(), AwsEndpoints.local(Map.of(), null, "none")),
            AwsClients.DUMMY_CREDENTIALS, clock, problem -> log.log(JsonLog.Level.WARN, problem, null)), clock);
  }

  private record Round(long transitions, double seconds, List<Long> latenciesMillis) {}

  private Round runRound(LocalRuntime local, ExecutionStore watch, String machineArn, String input, String prefix, int n) {
    long start = System.nanoTime();
    List<String> executions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      executions.add(local.runtime().executions().start(machineArn, prefix + "-" + i, input).executionArn());
    }
    long transitions = 0;
    for (String arn : executions) {
      while (true) {
        var record = watch.load(arn).orElseThrow();
        if (record.state().isDone()) {
          transitions += record.seq();
          break;
        }
        Pause.millis(20);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Long> latencies = new ArrayList<>();
    for (String arn : executions) {
      HistoryEvent previous = null;
      for (HistoryEvent e : watch.history(arn, 0, 10_000).events()) {
        if (!e.type().endsWith("StateEntered")) continue;
        if (previous != null) latencies.add(e.timestamp().toEpochMilli() - previous.timestamp().toEpochMilli());
        previous = e;
      }
    }
    Collections.sort(latencies);
    return new Round(transitions, seconds, latencies);
  }

  private static ObjectNode report(int n, Round round, List<Long> before, List<Long> after,
      LocalEventSourceMapping.Stats statsBefore, LocalEventSourceMapping.Stats statsAfter) {
    double t = round.transitions();
    double reads = (after.get(0) - before.get(0)) / t;
    double writes = (after.get(1) - before.get(1)) / t;
    double writeUnits = (after.get(2) - before.get(2)) / t;
    double readUnits = (after.get(3) - before.get(3)) / t;
    double sqs = (after.get(4) - before.get(4)) / t;
    long messages = statsAfter.messages() - statsBefore.messages();
    long invocations = statsAfter.invocations() - statsBefore.invocations();
    double handlerSeconds = (statsAfter.handlerNanos() - statsBefore.handlerNanos()) / 1e9;
    // Lambda bills each invocation's wall time, however many of its batch's messages ran at once.
    double perMillion = 1e6 * (writeUnits * DYNAMODB_PER_WRITE_UNIT + readUnits * DYNAMODB_PER_READ_UNIT
        + sqs * SQS_PER_REQUEST + invocations / t * LAMBDA_PER_REQUEST
        + handlerSeconds / t * (MEMORY_MB / 1024.0) * LAMBDA_PER_GB_SECOND_ARM64);
    ObjectNode r = Json.object();
    r.put("concurrent_executions", n);
    r.put("transitions", round.transitions());
    r.put("transitions_per_second", Math.round(t / round.seconds() * 10) / 10.0);
    r.put("p50_ms", percentile(round.latenciesMillis(), 0.50));
    r.put("p99_ms", percentile(round.latenciesMillis(), 0.99));
    r.put("dynamodb_reads", round3(reads));
    r.put("dynamodb_read_units", round3(readUnits));
    r.put("dynamodb_writes", round3(writes));
    r.put("write_units", round3(writeUnits));
    r.put("failed_conditional_writes", round3((after.get(5) - before.get(5)) / t));
    r.put("sqs_requests", round3(sqs));
    r.put("handler_ms_per_transition", round3(handlerSeconds * 1000 / t));
    r.put("messages_per_transition", round3(messages / t));
    r.put("messages_per_handler_invocation", round3((double) messages / Math.max(1, invocations)));
    r.put("cost_per_million_transitions_usd", round3(perMillion));
    ObjectNode parts = r.putObject("cost_parts_per_million_usd");
    parts.put("dynamodb_writes", round3(1e6 * writeUnits * DYNAMODB_PER_WRITE_UNIT));
    parts.put("dynamodb_reads", round3(1e6 * readUnits * DYNAMODB_PER_READ_UNIT));
    parts.put("sqs", round3(1e6 * sqs * SQS_PER_REQUEST));
    parts.put("lambda", round3(1e6 * (invocations / t * LAMBDA_PER_REQUEST
        + handlerSeconds / t * (MEMORY_MB / 1024.0) * LAMBDA_PER_GB_SECOND_ARM64)));
    return r;
  }

  private static long percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) return 0;
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

}
