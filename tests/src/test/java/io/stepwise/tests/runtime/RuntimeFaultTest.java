package io.stepwise.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.aws.dynamodb.DynamoDbExecutionStore;
import io.stepwise.aws.dynamodb.DynamoDbStateMachineStore;
import io.stepwise.aws.dynamodb.DynamoDbJoinStore;
import io.stepwise.aws.dynamodb.DynamoDbTokenStore;
import io.stepwise.aws.dynamodb.Table;
import io.stepwise.aws.sqs.SqsStepQueue;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import io.stepwise.runtime.faults.Histories;
import io.stepwise.runtime.ExecutionRecord;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.Executions;
import io.stepwise.runtime.StateMachineStore;
import io.stepwise.runtime.StateMachines;
import io.stepwise.runtime.StepQueue;
import io.stepwise.runtime.StepWorker;
import io.stepwise.runtime.JoinStore;
import io.stepwise.runtime.TokenStore;
import io.stepwise.runtime.faults.FaultPlan;
import io.stepwise.runtime.faults.FaultyParts;
import io.stepwise.runtime.faults.FlakyTasks;
import io.stepwise.tests.LocalAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The runtime under faults, on ElasticMQ and dynalite through the real SDK clients: duplicate
 * delivery, reordering, a crash after every side effect, and racing workers. In every case the
 * execution ends as the fault-free run did, with the same output and the same history.
 */
@ExtendWith(LocalAws.class)
class RuntimeFaultTest {
  private static final Duration LEASE = Duration.ofSeconds(2);
  /** Generous: on a shared 2-core machine under load the 80-odd join scenarios take minutes; outcomes are what is asserted. */
  private static final Duration TIMEOUT = Duration.ofSeconds(420);
  private static final String MACHINE_ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:faults";
  private static final String FAN_OUT_ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:fanout";

  private DynamoDbClient dynamo;
  private SqsClient sqs;
  private String queueUrl;
  private ExecutionStore realStore;
  private TokenStore tokens;
  private JoinStore joins;
  private StateMachines machines;
  private final OffsetClock clock = new OffsetClock();
  private final FaultPlan plan = new FaultPlan();
  private final FlakyTasks tasks = new FlakyTasks();

  @BeforeEach
  void provision(DynamoDbClient dynamo, SqsClient sqs) {
    this.dynamo = dynamo;
    this.sqs = sqs;
    String name = LocalAws.uniqueName("faults");
    Table.ensureActive(dynamo, name);
    queueUrl = sqs.createQueue(r -> r.queueName(name)).queueUrl();
    realStore = new DynamoDbExecutionStore(dynamo, name);
    tokens = new DynamoDbTokenStore(dynamo, name);
    joins = new DynamoDbJoinStore(dynamo, name);
    machines = new StateMachines(new DynamoDbStateMachineStore(dynamo, name));
    machines.store().put(new StateMachineStore.StateMachineRecord(MACHINE_ARN, "faults", 0, FlakyTasks.MACHINE, "role", "STANDARD"));
    machines.store().put(new StateMachineStore.StateMachineRecord(FAN_OUT_ARN, "fanout", 0, FlakyTasks.FAN_OUT, "role", "STANDARD"));
  }

  /** What one run ends with: status, output and history (without timestamps). */
  private record Outcome(ExecutionStatus status, JsonNode output, List<String> history) {}

  private StepWorker worker(StepQueue queue) {
    return new StepWorker(FaultyParts.store(realStore, plan), tokens, FaultyParts.joins(joins, plan), machines,
        FaultyParts.queue(queue, plan),
        FaultyParts.tasks(tasks, plan), new Engine(Entropy.secure()), clock, LEASE);
  }

  private String start(StepQueue queue, String name) {
    return start(MACHINE_ARN, queue, name);
  }

  private String start(String machineArn, StepQueue queue, String name) {
    return new Executions(realStore, machines, queue, clock).start(machineArn, name, "{\"order\": \"o-" + name + "\"}").executionArn();
  }

  private Outcome outcome(String executionArn) {
    ExecutionRecord record = realStore.load(executionArn).orElseThrow();
    List<String> history = new ArrayList<>();
    for (HistoryEvent e : realStore.history(executionArn, 0, 10_000).events()) {
      history.add(e.id() + "<" + e.previousEventId() + " " + e.type() + " " + e.details() + " " + e.payloadField() + "=" + e.payload());
    }
    return new Outcome(record.state().status(), record.state().output(), history);
  }

  private boolean allDone(List<String> executions) {
    return executions.stream().allMatch(arn -> realStore.load(arn).map(r -> r.state().isDone()).orElse(false));
  }

  /** The same outcome as the fault-free run, with the order's own name in place (see {@link Histories}). */
  private static void assertSameAsBaseline(Outcome baseline, String baselineName, Outcome actual, String name) {
    assertEquals(baseline.status(), actual.status(), name);
    assertEquals(Json.write(baseline.output()).replace(baselineName, name), Json.write(actual.output()), name);
    List<String> expected = baseline.history().stream().map(h -> h.replace(baselineName, name)).toList();
    boolean fansOut = expected.stream().anyMatch(h -> h.contains(" MapStateStarted ") || h.contains(" ParallelStateStarted "));
    Histories.assertSameEvents(expected, actual.history(), fansOut, name);
  }

  private Outcome baseline(String name) {
    Outcome outcome = baseline(MACHINE_ARN, name);
    assertEquals("Risky.Boom", outcome.output().path("recovered").asText());
    return outcome;
  }

  private Outcome baseline(String machineArn, String name) {
    SqsStepQueue queue = new SqsStepQueue(sqs, queueUrl);
    String arn = start(machineArn, queue, name);
    new QueueDriver(sqs, queueUrl, worker(queue), clock, LEASE, false).runUntil(() -> allDone(List.of(arn)), TIMEOUT);
    Outcome outcome = outcome(arn);
    assertEquals(ExecutionStatus.SUCCEEDED, outcome.status());
    return outcome;
  }

  @Test
  void crashAfterEverySideEffect_thenRedelivery_endsAsTheFaultFreeRun() {
    Outcome baseline = baseline("base");
    int sideEffects = plan.sideEffects(MACHINE_ARN.replace(":stateMachine:", ":execution:") + ":base");
    assertTrue(sideEffects > 20, "the machine exercises many side effects: " + sideEffects);
    SqsStepQueue queue = new SqsStepQueue(sqs, queueUrl);
    List<String> names = new ArrayList<>();
    List<String> arns = new ArrayList<>();
    for (int k = 1; k <= sideEffects; k++) {
      String name = "crash" + k;
      String arn = MACHINE_ARN.replace(":stateMachine:", ":execution:") + ":" + name;
      plan.crash(arn, k);
      names.add(name);
      arns.add(start(queue, name));
    }
    int crashes = new QueueDriver(sqs, queueUrl, worker(queue), clock, LEASE, false).runUntil(() -> allDone(arns), TIMEOUT);
    assertEquals(sideEffects, crashes, "one crash per scenario");
    for (int i = 0; i < arns.size(); i++) {
      assertTrue(plan.crashedAfter(arns.get(i)) != null, "scenario " + names.get(i) + " crashed");
      assertSameAsBaseline(baseline, "base", outcome(arns.get(i)), names.get(i));
    }
    System.out.println("crash scenarios run: " + arns.size());
  }

  @Test
  void crashAtEveryJoinStep_ofMapAndParallel_neverLosesAChild_continuesTheParentOnce_keepsResultsInOrder() {
    Outcome baseline = baseline(FAN_OUT_ARN, "base");
    assertEquals(Json.parse("[{\"v\":2},{\"v\":4},{\"v\":6},{\"v\":8}]"), baseline.output().get("doubled"));
    assertEquals(Json.parse("[\"a\",\"b recovered\",\"c\"]"), baseline.output().get("branches"));
    // The last Map's iterations only move data: they run inside the parent's transition.
    assertEquals(Json.parse("[{\"l\":\"v2\"},{\"l\":\"v4\"},{\"l\":\"v6\"},{\"l\":\"v8\"}]"), baseline.output().get("labels"));
    int sideEffects = plan.sideEffects(FAN_OUT_ARN.replace(":stateMachine:", ":execution:") + ":base");
    SqsStepQueue queue = new SqsStepQueue(sqs, queueUrl);
    List<String> arns = new ArrayList<>();
    for (int k = 1; k <= sideEffects; k++) {
      String name = "join" + k;
      plan.crash(FAN_OUT_ARN.replace(":stateMachine:", ":execution:") + ":" + name, k);
      arns.add(start(FAN_OUT_ARN, queue, name));
    }
    int crashes = new QueueDriver(sqs, queueUrl, worker(queue), clock, LEASE, false).runUntil(() -> allDone(arns), TIMEOUT);
    assertEquals(sideEffects, crashes, "one crash per scenario");
    for (int i = 0; i < arns.size(); i++) {
      Outcome outcome = outcome(arns.get(i));
      assertSameAsBaseline(baseline, "base", outcome, "join" + (i + 1));
      assertEquals(2, outcome.history().stream().filter(h -> h.contains(" MapStateSucceeded ")).count(), "one per Map");
      assertEquals(1, outcome.history().stream().filter(h -> h.contains(" ParallelStateSucceeded ")).count());
    }
    System.out.println("join crash scenarios run: " + arns.size());
  }

  @Test
  void everyMessageDeliveredTwice_andOutOfOrder_endsAsTheFaultFreeRun() {
    Outcome baseline = baseline("base");
    SqsStepQueue real = new SqsStepQueue(sqs, queueUrl);
    // Each message twice: once now, once again two seconds late, behind later transitions.
    StepQueue duplicating = (message, delay) -> {
      real.send(message, delay);
      real.send(message, Math.min(900, delay + 2));
    };
    String twice = start(duplicating, "twice");
    new QueueDriver(sqs, queueUrl, worker(duplicating), clock, LEASE, true).runUntil(() -> allDone(List.of(twice)), TIMEOUT);
    assertSameAsBaseline(baseline, "base", outcome(twice), "twice");
  }

  @Test
  void twoWorkersRacing_onDuplicatedMessages_endAsTheFaultFreeRun() throws Exception {
    Outcome baseline = baseline("base");
    SqsStepQueue real = new SqsStepQueue(sqs, queueUrl);
    StepQueue duplicating = (message, delay) -> {
      real.send(message, delay);
      real.send(message, delay);
    };
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < 5; i++) arns.add(start(duplicating, "race" + i));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> workers = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        QueueDriver driver = new QueueDriver(sqs, queueUrl, worker(duplicating), clock, LEASE, w == 1);
        workers.add(pool.submit(() -> driver.runUntil(() -> allDone(arns), TIMEOUT)));
      }
      for (Future<Integer> f : workers) f.get();
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < arns.size(); i++) assertSameAsBaseline(baseline, "base", outcome(arns.get(i)), "race" + i);
  }
}
