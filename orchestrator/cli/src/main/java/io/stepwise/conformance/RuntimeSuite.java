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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs case files through the Lambda runtime on local servers: the real step handler, ElasticMQ,
 * dynalite and the SDK clients, one execution per case, all started at once and judged by the
 * same rules as the in-memory runner.
 */
public final class RuntimeSuite implements AutoCloseable {
  private final ElasticMqServer sqsServer;
  private final DynaliteServer dynamoServer;
  private final DynamoDbClient dynamo;
  private final SqsClient sqs;
  private final LocalRuntime local;
  private final Map<String, CaseMocks> mocksByExecution = new ConcurrentHashMap<>();
  private final Map<String, String> setupErrors = new ConcurrentHashMap<>();

  private RuntimeSuite() {
    sqsServer = ElasticMqServer.start();
    dynamoServer = DynaliteServer.start();
    dynamo = AwsClients.dynamoDb(dynamoServer.endpoint());
    sqs = AwsClients.sqs(sqsServer.endpoint());
    local = LocalRuntime.start(dynamo, sqs, "stepwise-conformance", this::invoke, 4);
  }

  public static RuntimeSuite start() {
    return new RuntimeSuite();
  }

  /** The Task invoker: each execution answers from its own case's mocks. */
  private TaskOutcome invoke(Command.InvokeTask call) {
    CaseMocks mocks = mocksByExecution.get(call.executionArn());
    try {
      if (mocks == null) throw new UnsupportedTaskException("no case for execution " + call.executionArn());
      TaskOutcome outcome = mocks.invoke(call);
      return Resource.parse(call.resource()).waitsForTaskToken() ? answerByCallback(call.token(), outcome) : outcome;
    } catch (UnsupportedTaskException e) {
      setupErrors.putIfAbsent(call.executionArn(), e.getMessage());
      throw e;
    }
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
      runtime.machines().store().put(new StateMachineStore.StateMachineRecord(machineArn, "case-" + n, 0,
          Json.write(caseFile.get("definition")), "arn:aws:iam::111111111111:role/stepwise", "STANDARD"));
      String executionArn = machineArn.replace(":stateMachine:", ":execution:") + ":run";
      CaseMocks mocks = new CaseMocks(caseFile.get("mocks"), caseFile.get("definition"));
      mocksByExecution.put(executionArn, mocks);
      runtime.executions().start(machineArn, "run", Json.write(caseFile.path("input")));
      started.put(file, new Started(name, caseFile, executionArn, mocks));
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

  private record Started(String name, JsonNode caseFile, String executionArn, CaseMocks mocks) {}

  private CaseResult await(ExecutionStore store, Path file, Started s, Instant deadline, Duration budget) {
    while (true) {
      String setupError = setupErrors.get(s.executionArn());
      if (setupError != null) {
        return CaseResult.notRun(s.name(), file.toString(), s.caseFile(), "ERROR", setupError);
      }
      ExecutionRecord record = store.load(s.executionArn()).orElse(null);
      if (record != null && record.state().isDone()) {
        ExecutionState state = record.state();
        ExecutionResult result = new ExecutionResult(state.status(), state.output(), state.error(), state.cause(),
            history(store, record), state.transitions());
        return CaseRunner.verdict(s.name(), file, s.caseFile(), result, s.mocks());
      }
      if (Instant.now().isAfter(deadline)) {
        return CaseResult.notRun(s.name(), file.toString(), s.caseFile(), "TIMEOUT",
            "did not finish on the local runtime within " + budget.toSeconds() + " s");
      }
      Pause.millis(50);
    }
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
    local.close();
    dynamo.close();
    sqs.close();
    dynamoServer.close();
    sqsServer.close();
  }
}
