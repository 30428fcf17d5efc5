package io.stepwise.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.aws.dynamodb.DynamoDbExecutionStore;
import io.stepwise.aws.dynamodb.DynamoDbJoinStore;
import io.stepwise.aws.dynamodb.DynamoDbStateMachineStore;
import io.stepwise.aws.dynamodb.DynamoDbTokenStore;
import io.stepwise.aws.dynamodb.Table;
import io.stepwise.aws.sqs.SqsStepQueue;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.engine.ExecutionState;
import io.stepwise.runtime.ChildLink;
import io.stepwise.runtime.ExecutionRecord;
import io.stepwise.runtime.ExecutionStateCodec;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.StepMessage;
import io.stepwise.runtime.Executions;
import io.stepwise.runtime.JoinStore;
import io.stepwise.runtime.StateMachineStore;
import io.stepwise.runtime.StateMachines;
import io.stepwise.runtime.StepQueue;
import io.stepwise.runtime.StepWorker;
import io.stepwise.runtime.faults.FaultPlan;
import io.stepwise.runtime.faults.FaultyParts;
import io.stepwise.runtime.faults.Histories;
import io.stepwise.tests.LocalAws;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A Map with a Task per item, durable, on dynalite and ElasticMQ: its children's records are
 * created packed (no R item each), and each child's last commit is its outcome (no outcome item
 * in the join). A crash after every side effect, the packed creation and the count-only report
 * included, then redelivery, ends as the fault-free run; a redrive keeps the outcomes of the
 * children that succeeded. The store reads a packed child until its first commit, and writes a
 * group too large to pack as a record item per child.
 */
@ExtendWith(LocalAws.class)
class ChildOutcomeCommitTest {
  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final Duration TIMEOUT = Duration.ofSeconds(300);
  private static final String MACHINE = "arn:aws:states:us-east-1:000000000000:stateMachine:perItem";
  private static final String DEFINITION = """
      {"StartAt": "Fan", "States": {"Fan": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2,
        "ItemProcessor": {"StartAt": "Double", "States": {
          "Double": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:double", "End": true}}},
        "End": true}}}""";
  private static final String INPUT = "{\"items\": [0, 1, 2, 3, 4]}";

  private DynamoDbClient dynamo;
  private SqsClient sqs;
  private String table;
  private String queueUrl;
  private ExecutionStore store;
  private JoinStore joins;
  private StateMachines machines;
  private final OffsetClock clock = new OffsetClock();
  private final FaultPlan plan = new FaultPlan();
  /** Item 3 fails while this is set: the Map fails, and a redrive runs item 3 alone. */
  private final AtomicBoolean breakItem3 = new AtomicBoolean();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  @BeforeEach
  void provision(DynamoDbClient dynamo, SqsClient sqs) {
    this.dynamo = dynamo;
    this.sqs = sqs;
    table = LocalAws.uniqueName("outcomes");
    Table.ensureActive(dynamo, table);
    queueUrl = sqs.createQueue(r -> r.queueName(table)).queueUrl();
    store = new DynamoDbExecutionStore(dynamo, table);
    joins = new DynamoDbJoinStore(dynamo, table);
    machines = new StateMachines(new DynamoDbStateMachineStore(dynamo, table));
    machines.store().put(new StateMachineStore.StateMachineRecord(MACHINE, "perItem", 0, DEFINITION, "role", "STANDARD"));
  }

  private TaskInvoker doubling() {
    return call -> {
      long item = call.payload().asLong();
      String arn = call.executionArn();
      String root = arn.contains("|") ? arn.substring(0, arn.indexOf('|')) : arn;
      calls.computeIfAbsent(root + "#" + item, k -> new AtomicInteger()).incrementAndGet();
      if (item == 3 && breakItem3.get()) return TaskOutcome.failure("Item.Broke", "not yet");
      return TaskOutcome.success(Json.parse(String.valueOf(2 * item)));
    };
  }

  private StepWorker worker(StepQueue queue) {
    return new StepWorker(FaultyParts.store(store, plan), new DynamoDbTokenStore(dynamo, table),
        FaultyParts.joins(joins, plan), machines, FaultyParts.queue(queue, plan), FaultyParts.tasks(doubling(), plan),
        new Engine(Entropy.secure()), clock, LEASE);
  }

  private static String arn(String name) {
    return MACHINE.replace(":stateMachine:", ":execution:") + ":" + name;
  }

  private String start(StepQueue queue, String name) {
    return new Executions(store, machines, queue, clock).start(MACHINE, name, INPUT).executionArn();
  }

  private boolean allDone(List<String> arns) {
    return arns.stream().allMatch(a -> store.load(a).map(r -> r.state().isDone()).orElse(false));
  }

  private int run(StepWorker worker, List<String> arns) {
    return new QueueDriver(sqs, queueUrl, worker, clock, LEASE, false).runUntil(() -> allDone(arns), TIMEOUT);
  }

  private List<String> outcome(String executionArn) {
    List<String> lines = new ArrayList<>();
    var state = store.load(executionArn).orElseThrow().state();
    lines.add(state.status() + " " + Json.write(state.output()));
    for (HistoryEvent e : store.history(executionArn, 0, 10_000).events()) {
      lines.add(e.id() + "<" + e.previousEventId() + " " + e.type() + " " + e.details() + " " + e.payloadField() + "=" + e.payload());
    }
    return lines;
  }

  /** The sort keys of every item in {@code partition}. */
  private List<String> sortKeys(String partition) {
    return dynamo.query(r -> r.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))).items().stream()
        .map(i -> i.get("sk").s()).toList();
  }

  @Test
  void theChildrenArePacked_andTheirLastCommitsAreTheOutcomes() {
    SqsStepQueue queue = new SqsStepQueue(sqs, queueUrl);
    String execution = start(queue, "plain");
    run(worker(queue), List.of(execution));
    var end = store.load(execution).orElseThrow().state();
    assertEquals(ExecutionStatus.SUCCEEDED, end.status());
    assertEquals(Json.parse("[0, 2, 4, 6, 8]"), end.output());
    String join = execution + "|1";
    assertEquals(List.of("J", "S#0000000000"), sortKeys("JN#" + join), "the counters and one packed group, no outcome item");
    for (int i = 0; i < 5; i++) {
      assertEquals(List.of("H#00000000000000000000"), sortKeys("EX#" + join + "|" + i), "child " + i + ": its commit, no R");
      assertEquals(1, calls.get(execution + "#" + i).get(), "item " + i);
    }
  }

  /** Children of execution {@code root}'s join at seq 1, each with {@code input}'s text plus its index. */
  private static List<ExecutionRecord> children(ExecutionRecord root, int count, java.util.function.IntFunction<String> input) {
    List<ExecutionRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ChildLink link = new ChildLink(root.key(), 1, i, "Fan:-1", -1, false, 1, true);
      ExecutionState start = ExecutionState.child(root.state().info(), "Fan", i, "Double",
          Json.parse("{\"i\": " + i + ", \"pad\": \"" + input.apply(i) + "\"}"), Map.of());
      records.add(new ExecutionRecord(link.childKey(), start, 0, MACHINE, 0, StepMessage.advance(link.childKey(), 0), link,
          null, null, null));
    }
    return records;
  }

  @Test
  void packedChildren_loadAsCreated_untilTheirFirstCommit_andAGroupTooLargeIsARecordEach() {
    ExecutionInfo info = new ExecutionInfo(arn("packed"), "packed", MACHINE, "perItem", Json.parse("{}"), Instant.now(),
        "role", 0, false, "");
    ExecutionRecord root = new ExecutionRecord(ExecutionState.start(info, "Fan"), 0, MACHINE, 0, StepMessage.advance(arn("packed"), 0));
    store.create(root);
    String join = root.key() + "|1";
    // 60 small children make two packed groups; 3 with 150 KB of random text each cannot share one item.
    List<ExecutionRecord> small = children(root, 60, i -> "x".repeat(i));
    store.createChildren(join, small);
    assertEquals(List.of("S#0000000000", "S#0000000001"), sortKeys("JN#" + join));
    for (int i : new int[] {0, 49, 50, 59}) {
      ExecutionRecord loaded = store.load(small.get(i).key()).orElseThrow();
      assertEquals(ExecutionStateCodec.encode(small.get(i).state()), ExecutionStateCodec.encode(loaded.state()), "child " + i);
      assertEquals(small.get(i).parent(), loaded.parent());
    }
    assertTrue(store.load(join + "|60").isEmpty(), "no such child");
    ExecutionRecord first = small.get(7);
    ExecutionState s0 = first.state();
    ExecutionState done = new ExecutionState(s0.info(), ExecutionStatus.SUCCEEDED, s0.phase(), "Double", s0.stateInput(), null,
        null, 1, 2, 1, 0, List.of(), Map.of(), null, Json.parse("14"), null, null, 1);
    ExecutionRecord ended = first.next(done, null);
    store.commitTransition(ended, List.of(), "worker", Instant.now(), Instant.now().plusSeconds(30));
    assertEquals(1, store.load(first.key()).orElseThrow().seq(), "its commit, over the packed record");
    java.util.Random random = new java.util.Random(7);
    String bigJoin = arn("packed") + "|3";
    List<ExecutionRecord> big = new ArrayList<>();
    for (ExecutionRecord r : children(root, 3, i -> new java.math.BigInteger(150 * 1024 * 5, random).toString(32))) {
      ChildLink l = r.parent();
      ChildLink moved = new ChildLink(l.parentKey(), 3, l.index(), l.machinePath(), -1, false, 1, true);
      big.add(new ExecutionRecord(moved.childKey(), r.state(), 0, MACHINE, 0, StepMessage.advance(moved.childKey(), 0), moved,
          null, null, null));
    }
    store.createChildren(bigJoin, big);
    assertEquals(List.of(), sortKeys("JN#" + bigJoin));
    for (ExecutionRecord r : big) {
      assertEquals(List.of("R"), sortKeys("EX#" + r.key()));
      assertEquals(ExecutionStateCodec.encode(r.state()), ExecutionStateCodec.encode(store.load(r.key()).orElseThrow().state()));
    }
  }

  @Test
  void crashAfterEverySideEffect_ofAMapWithATaskPerItem_endsAsTheFaultFreeRun() {
    SqsStepQueue queue = new SqsStepQueue(sqs, queueUrl);
    String base = start(queue, "base");
    run(worker(queue), List.of(base));
    List<String> expected = outcome(base);
    assertEquals("SUCCEEDED [0,2,4,6,8]", expected.get(0));
    int sideEffects = plan.sideEffects(base);
    assertTrue(sideEffects > 20, "side effects: " + sideEffects);
    List<String> arns = new ArrayList<>();
    for (int k = 1; k <= sideEffects; k++) {
      plan.crash(arn("crash" + k), k);
      arns.add(start(queue, "crash" + k));
    }
    assertEquals(sideEffects, run(worker(queue), arns), "one crash per scenario");
    for (String execution : arns) {
      String name = execution.substring(execution.lastIndexOf(':') + 1);
      List<String> actual = outcome(execution);
      String where = name + " crashed after " + plan.crashedAfter(execution);
      assertEquals(expected.get(0), actual.get(0), where);
      Histories.assertSameEvents(expected.stream().map(l -> l.replace("base", name)).toList(), actual, true, where);
    }
    System.out.println("per-item task crash scenarios run: " + arns.size());
  }

  @Test
  void aRedrivenMap_keepsTheOutcomesOfTheChildrenThatSucceeded() {
    breakItem3.set(true);
    SqsStepQueue queue = new SqsStepQueue(sqs, queueUrl);
    String execution = start(queue, "redriven");
    StepWorker worker = worker(queue);
    run(worker, List.of(execution));
    assertEquals(ExecutionStatus.FAILED, store.load(execution).orElseThrow().state().status());
    // A child whose task was called committed its result in that transition: it succeeded (but item 3).
    Map<String, Integer> firstRun = new java.util.HashMap<>();
    calls.forEach((k, n) -> firstRun.put(k, n.get()));
    breakItem3.set(false);
    assertTrue(worker.redrive(execution));
    run(worker, List.of(execution));
    var end = store.load(execution).orElseThrow().state();
    assertEquals(ExecutionStatus.SUCCEEDED, end.status());
    assertEquals(Json.parse("[0, 2, 4, 6, 8]"), end.output());
    assertEquals(2, calls.get(execution + "#3").get(), "item 3: failed, then redriven");
    assertEquals(1, firstRun.get(execution + "#3"), "item 3 failed the Map: " + firstRun);
    for (int i = 0; i < 5; i++) {
      String item = execution + "#" + i;
      int expected = i == 3 ? 2 : 1;
      assertEquals(expected, calls.get(item).get(), "item " + i + (firstRun.containsKey(item) ? " kept" : " run at the redrive"));
    }
  }
}
