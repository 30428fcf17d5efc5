package io.stepwise.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.engine.HistoryEvent;
import io.stepwise.express.ExpressStart;
import io.stepwise.json.Json;
import io.stepwise.tests.LocalAws;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sqs.SqsClient;

/** EXPRESS machines on the Lambda runtime (ElasticMQ, dynalite), through the real SfnClient. */
@ExtendWith(LocalAws.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpressApiTest {
  private static final String CALL_WAIT_PASS = """
      {"StartAt": "Call", "States": {
        "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                 "Parameters": {"FunctionName": "echo", "Payload.$": "$"}, "OutputPath": "$.Payload", "Next": "Pause"},
        "Pause": {"Type": "Wait", "Seconds": 1, "Next": "Done"},
        "Done": {"Type": "Pass", "Parameters": {"doubled.$": "States.MathAdd($.n, $.n)", "id.$": "$$.Execution.Id"}, "End": true}}}""";
  private static final String CALLBACK = """
      {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
        "Parameters": {"FunctionName": "echo", "Payload": {"token.$": "$$.Task.Token"}}, "End": true}}}""";
  /** One child, its states named after {@code n} (names are unique machine-wide): when it started and ended, 1 s of Wait apart. */
  private static String timedChild(String n) {
    return """
        {"StartAt": "From%1$s", "States": {
          "From%1$s": {"Type": "Pass", "Parameters": {"from.$": "$$.State.EnteredTime"}, "Next": "Hold%1$s"},
          "Hold%1$s": {"Type": "Wait", "Seconds": 1, "Next": "To%1$s"},
          "To%1$s": {"Type": "Pass", "Parameters": {"from.$": "$.from", "to.$": "$$.State.EnteredTime"}, "End": true}}}""".formatted(n);
  }

  private final Map<String, List<HistoryEvent>> logged = new ConcurrentHashMap<>();
  private ApiStack stack;
  private SfnClient sfn;

  @BeforeAll
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    stack = ApiStack.start(dynamo, sqs, "api-express", (ExpressStart execution, List<HistoryEvent> events) ->
        logged.put(execution.executionArn(), events));
    sfn = stack.sfn;
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  private String express(String name, String definition) {
    return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(ApiStack.ROLE).type(StateMachineType.EXPRESS))
        .stateMachineArn();
  }

  @Test
  void givenExpressMachine_whenStartedSync_thenTheAnswerIsItsEndWithBilling() {
    String machine = express("express-sync", CALL_WAIT_PASS);

    StartSyncExecutionResponse done = sfn.startSyncExecution(r -> r.stateMachineArn(machine).name("order-1").input("{\"n\": 21}"));

    assertEquals(SyncExecutionStatus.SUCCEEDED, done.status());
    assertTrue(done.executionArn().startsWith("arn:aws:states:us-east-1:000000000000:express:express-sync:order-1:"),
        done.executionArn());
    assertEquals(Json.parse("{\"doubled\": 42, \"id\": \"" + done.executionArn() + "\"}"), Json.parse(done.output()));
    assertEquals("order-1", done.name());
    assertEquals(machine, done.stateMachineArn());
    assertEquals("{\"n\":21}", done.input());
    assertTrue(done.outputDetails().included() && done.inputDetails().included());
    assertTrue(done.billingDetails().billedDurationInMilliseconds() >= 1000, done.billingDetails().toString());
    assertEquals(0, done.billingDetails().billedDurationInMilliseconds() % 100);
    assertEquals(64, done.billingDetails().billedMemoryUsedInMB());
    assertTrue(!done.stopDate().isBefore(done.startDate().plusSeconds(1)), done.toString());
    List<HistoryEvent> history = logged.get(done.executionArn());
    assertEquals("ExecutionStarted", history.get(0).type());
    assertEquals("ExecutionSucceeded", history.get(history.size() - 1).type());
    // Express executions are not kept in the table: not describable, not listable.
    InvalidArnException describe = assertThrows(InvalidArnException.class,
        () -> sfn.describeExecution(r -> r.executionArn(done.executionArn())));
    assertEquals("Invalid Arn: 'Resource type not valid in this context: express'", describe.awsErrorDetails().errorMessage());
    assertThrows(InvalidArnException.class, () -> sfn.getExecutionHistory(r -> r.executionArn(done.executionArn())));
    assertThrows(InvalidArnException.class, () -> sfn.stopExecution(r -> r.executionArn(done.executionArn())));
    StateMachineTypeNotSupportedException list = assertThrows(StateMachineTypeNotSupportedException.class,
        () -> sfn.listExecutions(r -> r.stateMachineArn(machine)));
    assertEquals("This operation is not supported by this type of state machine", list.awsErrorDetails().errorMessage());
  }

  @Test
  void givenFailingExpressMachine_whenStartedSync_thenFailedWithItsErrorAndNoOutput() {
    String machine = express("express-fail",
        "{\"StartAt\": \"F\", \"States\": {\"F\": {\"Type\": \"Fail\", \"Error\": \"Nope\", \"Cause\": \"on purpose\"}}}");

    StartSyncExecutionResponse failed = sfn.startSyncExecution(r -> r.stateMachineArn(machine));

    assertEquals(SyncExecutionStatus.FAILED, failed.status());
    assertEquals("Nope", failed.error());
    assertEquals("on purpose", failed.cause());
    assertNull(failed.output());
  }

  @Test
  void givenExpressMachine_whenStartedAsync_thenOneMessageRunsItWholeAndItsHistoryIsLogged() {
    String machine = express("express-async", CALL_WAIT_PASS);

    var started = sfn.startExecution(r -> r.stateMachineArn(machine).name("async-1").input("{\"n\": 4}"));
    var again = sfn.startExecution(r -> r.stateMachineArn(machine).name("async-1").input("{\"n\": 5}"));

    assertTrue(started.executionArn().contains(":express:express-async:async-1:"), started.executionArn());
    assertTrue(!started.executionArn().equals(again.executionArn()), "an Express name may be reused");
    long deadline = System.currentTimeMillis() + 30_000;
    while (!(logged.containsKey(started.executionArn()) && logged.containsKey(again.executionArn()))) {
      if (System.currentTimeMillis() > deadline) throw new AssertionError("the Express executions did not end: " + logged.keySet());
      ApiStack.sleep(50);
    }
    List<HistoryEvent> history = logged.get(started.executionArn());
    HistoryEvent end = history.get(history.size() - 1);
    assertEquals("ExecutionSucceeded", end.type());
    assertEquals(Json.parse("{\"doubled\": 8, \"id\": \"" + started.executionArn() + "\"}"), Json.parse(end.payload()));
  }

  /**
   * Step Functions runs an Express machine's Parallel branches and Map iterations side by side;
   * so does the one invocation, within Map's MaxConcurrency. Each child reports the time it
   * started and ended: the intervals overlap, never more than MaxConcurrency at once.
   */
  @Test
  void givenParallelAndMapWithMaxConcurrency_whenStartedSync_thenChildrenRunSideBySideWithinTheBound() {
    String machine = express("express-side-by-side", """
        {"StartAt": "Branches", "States": {
          "Branches": {"Type": "Parallel", "ResultPath": "$.branches", "Next": "Items",
                       "Branches": [%s, %s, %s]},
          "Items": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2, "ResultPath": "$.iterations", "End": true,
                    "ItemProcessor": %s}}}""".formatted(timedChild("A"), timedChild("B"), timedChild("C"), timedChild("I")));

    StartSyncExecutionResponse done = sfn.startSyncExecution(r -> r.stateMachineArn(machine).input("{\"items\": [1, 2, 3, 4]}"));

    assertEquals(SyncExecutionStatus.SUCCEEDED, done.status(), done.toString());
    var output = Json.parse(done.output());
    List<Instant[]> branches = intervals(output.get("branches"));
    assertEquals(3, branches.size());
    assertEquals(3, mostAtOnce(branches), "all three branches waited at once");
    assertEquals(2, mostAtOnce(intervals(output.get("iterations"))), "two iterations at once, as MaxConcurrency says");
    List<HistoryEvent> history = logged.get(done.executionArn());
    assertEquals(4, history.stream().filter(e -> e.type().equals("MapIterationSucceeded")).count());
  }

  private static List<Instant[]> intervals(com.fasterxml.jackson.databind.JsonNode children) {
    List<Instant[]> intervals = new java.util.ArrayList<>();
    for (var child : children) {
      intervals.add(new Instant[] {Instant.parse(child.get("from").asText()), Instant.parse(child.get("to").asText())});
    }
    return intervals;
  }

  /** The most intervals open at one instant (an interval is open from its start, up to its end). */
  private static int mostAtOnce(List<Instant[]> intervals) {
    int most = 0;
    for (Instant[] at : intervals) {
      int open = 0;
      for (Instant[] other : intervals) if (!other[0].isAfter(at[0]) && other[1].isAfter(at[0])) open++;
      most = Math.max(most, open);
    }
    return most;
  }

  @Test
  void givenCallbackTask_whenCreatedOrValidatedAsExpress_thenRefusedAsAwsRefusesIt() {
    InvalidDefinitionException refused = assertThrows(InvalidDefinitionException.class, () -> express("express-callback", CALLBACK));
    assertEquals("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support "
        + "'.waitForTaskToken' service integration  at /States/T/Resource'", refused.awsErrorDetails().errorMessage());
    var validated = sfn.validateStateMachineDefinition(r -> r.definition(CALLBACK).type(StateMachineType.EXPRESS));
    assertEquals(ValidateStateMachineDefinitionResultCode.FAIL, validated.result());
    assertEquals("/States/T/Resource", validated.diagnostics().get(0).location());
    // The same definition is a Standard machine's to run.
    assertEquals(ValidateStateMachineDefinitionResultCode.OK,
        sfn.validateStateMachineDefinition(r -> r.definition(CALLBACK).type(StateMachineType.STANDARD)).result());
  }
}
