package io.stepwise.conformance;

import io.stepwise.runtime.Pause;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.InvalidDefinitionException;
import io.stepwise.asl.validate.DefinitionValidator;
import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.driver.UnsupportedTaskException;
import io.stepwise.driver.mocks.CaseMocks;
import io.stepwise.engine.Command;
import io.stepwise.engine.Resource;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.express.ExpressResult;
import io.stepwise.express.ExpressStart;
import io.stepwise.items.ObjectStorage;
import io.stepwise.json.Json;
import io.stepwise.lambda.Runtime;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.local.servers.AwsClients;
import io.stepwise.local.servers.DynaliteServer;
import io.stepwise.local.servers.ElasticMqServer;
import io.stepwise.runtime.Callbacks;
import io.stepwise.runtime.ExecutionRecord;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.StateMachineStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs case files through the Lambda runtime on local servers: the real step handler, ElasticMQ,
 * dynalite (s3rver too when a case seeds objects) and the SDK clients, one execution per case, all
 * started at once and judged by the same rules as the in-memory runner.
 */
public final class RuntimeSuite implements AutoCloseable {
  private final ElasticMqServer sqsServer;
  private final DynaliteServer dynamoServer;
  private final DynamoDbClient dynamo;
  private final SqsClient sqs;
  private final LocalRuntime local;
  private final Map<String, CaseMocks> mocksByExecution = new ConcurrentHashMap<>();
  private final Map<String, String> setupErrors = new ConcurrentHashMap<>();
  private final Map<String, List<HistoryEvent>> expressHistories = new ConcurrentHashMap<>();
  private final ExecutorService expressRuns;
  private final CaseBuckets buckets;

  private RuntimeSuite(CaseBuckets buckets) {
    this.buckets = buckets;
    sqsServer = ElasticMqServer.start();
    dynamoServer = DynaliteServer.start();
    dynamo = AwsClients.dynamoDb(dynamoServer.endpoint());
    sqs = AwsClients.sqs(sqsServer.endpoint());
    LocalRuntime.Options options = new LocalRuntime.Options(LocalRuntime.Options.DEFAULT.visibilityTimeoutSeconds(),
        LocalRuntime.Options.DEFAULT.maxReceiveCount(), 4, LocalRuntime.Options.DEFAULT.batchSize());
    local = LocalRuntime.start(dynamo, sqs, buckets == null ? ObjectStorage.NONE : buckets.storage(),
        "stepwise-conformance", new CaseInvoker(), options,
        (execution, events) -> expressHistories.put(execution.executionArn(), events));
    expressRuns = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "express-case");
      t.setDaemon(true);
      return t;
    });
  }

  public static RuntimeSuite start() {
    return new RuntimeSuite(null);
  }

  /** For these cases: with s3rver when one of them seeds objects (it costs start-up time), else without. */
  public static RuntimeSuite startFor(List<Path> files) {
    boolean objects = files.stream().anyMatch(f -> Json.read(f).has("objects"));
    return new RuntimeSuite(objects ? CaseBuckets.start() : null);
  }

  /**
   * The Task invoker: each execution answers from its own case's mocks, a mocked nested
   * {@code states:startExecution} or activity included (the runtime would start a real child,
   * or queue the task for a worker, otherwise).
   */
  private final class CaseInvoker implements TaskInvoker {
    @Override
    public TaskOutcome invoke(Command.InvokeTask call) {
      CaseMocks mocks = mocksByExecution.get(call.executionArn());
      try {
        if (mocks == null) throw new UnsupportedTaskException("no case for execution " + call.executionArn());
        TaskOutcome outcome = mocks.invoke(call);
        Resource resource = Resource.parse(call.resource());
        // An activity's worker answers as a callback does, with the token GetActivityTask gave it.
        if (resource.waitsForTaskToken() || resource.isActivity()) return answerByCallback(call.token(), outcome);
        return resource.isSync() ? submitted(answerByCallback(call.token(), outcome), outcome) : outcome;
      } catch (UnsupportedTaskException e) {
        setupErrors.putIfAbsent(call.executionArn(), e.getMessage());
        throw e;
      }
    }

    @Override
    public boolean overrides(Command.InvokeTask call) {
      CaseMocks mocks = mocksByExecution.get(call.executionArn());
      return mocks != null && mocks.mocks(call.stateName());
    }
  }

  /** A mocked {@code .sync} job's start, as its call answers: the ARN its mock ended with. */
  private static TaskOutcome submitted(TaskOutcome sent, TaskOutcome mock) {
    JsonNode arn = mock.succeeded() && mock.result() != null ? mock.result().get("ExecutionArn") : null;
    return arn == null ? sent : TaskOutcome.success(Json.object().set("ExecutionArn", arn));
  }

  /**
   * A callback task's mock is what its callback brought, so the send is answered with nothing
   * (the recordings keep no answer to it) and the mock goes back as the worker's callback would.
   * The token is stored before the send, so the callback finds it.
   */
  private TaskOutcome answerByCallback(String token, TaskOutcome outcome) {
    Callbacks callbacks = local.runtime().callbacks();
    if (outcome.succeeded()) callbacks.sendTaskSuccess(token, Json.write(outcome.result()));
    else callbacks.sendTaskFailure(token, outcome.error(), outcome.cause());
    return TaskOutcome.success(Json.object());
  }

  public List<CaseResult> run(List<Path> files) {
    Runtime runtime = local.runtime();
    Map<Path, Started> started = new LinkedHashMap<>();
    List<CaseResult> results = new ArrayList<>();
    int n = 0;
    for (Path file : files) {
      JsonNode caseFile = Json.read(file);
      String name = caseFile.path("name").asText(file.getFileName().toString());
      var problems = DefinitionValidator.validate(caseFile.get("definition"));
      if (!problems.isEmpty()) {
        results.add(CaseResult.notRun(name, file.toString(), caseFile, "INVALID",
            new InvalidDefinitionException(problems).getMessage()));
        continue;
      }
      String machineArn = "arn:aws:states:us-east-1:111111111111:stateMachine:case-" + (++n);
      String type = "EXPRESS".equals(caseFile.path("machine_type").asText()) ? "EXPRESS" : "STANDARD";
      CaseObjects objects = CaseObjects.of(caseFile);
      if (!objects.isEmpty()) {
        if (buckets == null) throw new IllegalStateException("a case seeds objects: start the suite with startFor");
        buckets.seed("case-" + n, objects);
      }
      runtime.machines().store().put(new StateMachineStore.StateMachineRecord(machineArn, "case-" + n, 0,
          Json.write(caseFile.get("definition")), "arn:aws:iam::111111111111:role/stepwise", type));
      CaseMocks mocks = new CaseMocks(caseFile.get("mocks"), caseFile.get("definition"));
      String input = Json.write(caseFile.path("input"));
      ExpressStart express = runtime.executions().expressStart(machineArn, "run", input);
      String executionArn = express != null ? express.executionArn()
          : machineArn.replace(":stateMachine:", ":execution:") + ":run";
      mocksByExecution.put(executionArn, mocks);
      // An Express case runs as StartSyncExecution runs it: whole, its end the answer.
      CompletableFuture<ExpressResult> sync = express != null ? CompletableFuture.supplyAsync(() -> runtime.express().run(express), expressRuns) : null;
      if (express == null) runtime.executions().start(machineArn, "run", input);
      started.put(file, new Started(name, caseFile, executionArn, mocks, sync));
    }
    // Each case's deadline follows its own size and waits, beside the work of the cases run with it.
    long transitions = started.values().stream()
        .mapToLong(st -> CaseBudget.transitions(st.caseFile().get("definition"), st.caseFile().path("input"))).sum();
    Instant start = Instant.now();
    for (Map.Entry<Path, Started> e : started.entrySet()) {
      Duration budget = CaseBudget.of(e.getValue().caseFile().get("definition"), transitions);
      results.add(await(runtime.store(), e.getKey(), e.getValue(), start.plus(budget), budget));
    }
    return results;
  }

  /** @param express an Express case's run, null for a Standard one */
  private record Started(String name, JsonNode caseFile, String executionArn, CaseMocks mocks,
      CompletableFuture<ExpressResult> express) {}

  private CaseResult await(ExecutionStore store, Path file, Started s, Instant deadline, Duration budget) {
    while (true) {
      String setupError = setupErrors.get(s.executionArn());
      if (setupError != null) {
        return CaseResult.notRun(s.name(), file.toString(), s.caseFile(), "ERROR", setupError);
      }
      if (s.express() != null && s.express().isDone()) {
        return CaseRunner.verdict(s.name(), file, s.caseFile(), expressResult(s), s.mocks(), true);
      }
      ExecutionRecord record = s.express() != null ? null : store.load(s.executionArn()).orElse(null);
      if (record != null && record.state().isDone()) {
        ExecutionState state = record.state();
        ExecutionResult result = new ExecutionResult(state.status(), state.output(), state.error(), state.cause(),
            history(store, record), state.transitions());
        return CaseRunner.verdict(s.name(), file, s.caseFile(), result, s.mocks(), true);
      }
      if (Instant.now().isAfter(deadline)) {
        return CaseResult.notRun(s.name(), file.toString(), s.caseFile(), "TIMEOUT",
            "did not finish on the local runtime within " + budget.toSeconds() + " s");
      }
      Pause.millis(50);
    }
  }

  private ExecutionResult expressResult(Started s) {
    ExpressResult end = s.express().join();
    List<HistoryEvent> events = expressHistories.getOrDefault(s.executionArn(), List.of());
    return new ExecutionResult(end.status(), end.output(), end.error(), end.cause(), events, end.transitions());
  }

  /** The execution's whole history as GetExecutionHistory reads it: every committed transition. */
  private static List<HistoryEvent> history(ExecutionStore store, ExecutionRecord record) {
    List<HistoryEvent> events = new ArrayList<>();
    for (ExecutionStore.TransitionEvents t : store.transitions(record.key(), 0, record.seq() - 1, false, Integer.MAX_VALUE)) {
      events.addAll(t.events());
    }
    return events;
  }

  @Override
  public void close() {
    expressRuns.shutdownNow();
    local.close();
    dynamo.close();
    sqs.close();
    dynamoServer.close();
    sqsServer.close();
    if (buckets != null) buckets.close();
  }
}
