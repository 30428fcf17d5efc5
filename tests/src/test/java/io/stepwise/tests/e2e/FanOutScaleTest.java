package io.stepwise.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.bench.FanOutWorkloads;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.lambda.Runtime;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.tests.ExecutionFixtures;
import io.stepwise.tests.LocalAws;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Fan-out at scale on the local servers: every child runs on its own, the parent goes on once. */
@ExtendWith(LocalAws.class)
class FanOutScaleTest {
  private LocalRuntime local;
  private Runtime runtime;

  @BeforeEach
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    local = LocalRuntime.start(dynamo, sqs, LocalAws.uniqueName("scale"), TaskInvoker.NONE, new LocalRuntime.Options(60, 10, 4, 10));
    runtime = local.runtime();
  }

  @AfterEach
  void stop() {
    local.close();
  }

  private ExecutionState run(String name, String definition, String input) {
    return ExecutionFixtures.run(runtime, name, definition, input, Duration.ofMinutes(10));
  }

  private long count(ExecutionState state, String type) {
    List<HistoryEvent> history = runtime.store().history(state.info().executionArn(), 0, 100_000).events();
    return history.stream().filter(e -> e.type().equals(type)).count();
  }

  @Test
  void mapOverTenThousandItems_withMaxConcurrency100_completesInOrder_withOneParentContinuation() {
    int n = Integer.getInteger("stepwise.scale.items", 10_000);
    long started = System.nanoTime();
    ExecutionState end = run("map10k", FanOutWorkloads.map(100), FanOutWorkloads.items(n));
    System.out.printf("Map over %d items, MaxConcurrency 100: %.1f s%n", n, (System.nanoTime() - started) / 1e9);
    assertEquals(ExecutionStatus.SUCCEEDED, end.status());
    JsonNode results = end.output();
    assertEquals(n, results.size());
    for (int i = 0; i < n; i++) assertEquals(2 * i, results.get(i).get("v").asInt(), "result " + i);
    assertEquals(1, count(end, "MapStateSucceeded"));
    assertEquals(1, count(end, "MapStateExited"));
    assertEquals(n, count(end, "MapIterationSucceeded"));
  }

  @Test
  void distributedMap_recordsItsMapRun_andNotItsIterations_asStepFunctionsDoes() {
    String definition = FanOutWorkloads.map(2).replace("\"ItemProcessor\": {",
        "\"ItemProcessor\": {\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"}, ");
    ExecutionState end = run("distributed", definition, FanOutWorkloads.items(5));
    assertEquals(ExecutionStatus.SUCCEEDED, end.status());
    assertEquals(5, end.output().size());
    List<HistoryEvent> history = runtime.store().history(end.info().executionArn(), 0, 1000).events();
    List<String> types = history.stream().map(HistoryEvent::type).filter(t -> t.startsWith("Map")).toList();
    // The iterations are the Map Run's child executions: their events are not the parent's.
    assertEquals(List.of("MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded",
        "MapStateSucceeded", "MapStateExited"), types);
  }

  @Test
  void parallelOfTwentyBranches_completesInOrder_withOneParentContinuation() {
    ExecutionState end = run("parallel20", FanOutWorkloads.parallel(20), "{}");
    assertEquals(ExecutionStatus.SUCCEEDED, end.status());
    for (int i = 0; i < 20; i++) assertEquals(i, end.output().get(i).asInt());
    assertEquals(1, count(end, "ParallelStateSucceeded"));
  }
}
