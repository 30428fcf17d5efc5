package io.stepwise.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import io.stepwise.lambda.Runtime;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.tests.ExecutionFixtures;
import io.stepwise.tests.LocalAws;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code states:startExecution}: nested workflows, fire-and-forget and {@code .sync:2}. */
@ExtendWith(LocalAws.class)
class NestedWorkflowsTest {
  private LocalRuntime local;
  private Runtime runtime;

  @BeforeEach
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    local = LocalRuntime.start(dynamo, sqs, LocalAws.uniqueName("nested"), TaskInvoker.NONE, new LocalRuntime.Options(2, 5, 2, 10));
    runtime = local.runtime();
    machine("child-ok", """
        {"StartAt": "Double", "States": {"Double": {"Type": "Pass", "Parameters": {"doubled.$": "States.MathAdd($.n, $.n)"}, "End": true}}}""");
    machine("child-fails", """
        {"StartAt": "No", "States": {"No": {"Type": "Fail", "Error": "Child.Refused", "Cause": "not today"}}}""");
  }

  @AfterEach
  void stop() {
    local.close();
  }

  private String machine(String name, String definition) {
    return ExecutionFixtures.machine(runtime, name, definition);
  }

  private ExecutionState run(String name, String definition, String input) {
    return ExecutionFixtures.run(runtime, name, definition, input, Duration.ofSeconds(30));
  }

  private static String parent(String resource, String child) {
    return """
        {"StartAt": "Call", "States": {
          "Call": {"Type": "Task", "Resource": "%s",
            "Parameters": {"StateMachineArn": "%s", "Input": {"n.$": "$.n"}},
            "Catch": [{"ErrorEquals": ["States.TaskFailed"], "ResultPath": "$.failed", "Next": "Handled"}],
            "End": true},
          "Handled": {"Type": "Pass", "End": true}}}""".formatted(resource, ExecutionFixtures.MACHINE_PREFIX + child);
  }

  @Test
  void sync2_waitsForTheChild_andReturnsItsDescriptionWithOutput() {
    ExecutionState end = run("parent-sync", parent("arn:aws:states:::states:startExecution.sync:2", "child-ok"), "{\"n\": 21}");
    assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.error() + " " + end.cause());
    assertEquals("SUCCEEDED", end.output().get("Status").asText());
    assertEquals(Json.parse("{\"doubled\": 42}"), end.output().get("Output"));
    assertEquals(Json.parse("{\"n\": 21}"), end.output().get("Input"));
    assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted",
        "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"),
        runtime.store().history(end.info().executionArn(), 0, 100).events().stream().map(HistoryEvent::type).toList(),
        "the started child is TaskSubmitted, its end TaskSucceeded");
  }

  @Test
  void sync2_aFailedChild_failsTheTaskWithStatesTaskFailed() {
    ExecutionState end = run("parent-fails", parent("arn:aws:states:::states:startExecution.sync:2", "child-fails"), "{\"n\": 1}");
    assertEquals("States.TaskFailed", end.output().path("failed").path("Error").asText());
    assertEquals("Child.Refused", Json.parse(end.output().path("failed").path("Cause").asText()).path("Error").asText());
  }

  @Test
  void fireAndForget_returnsTheChildsArnAtOnce() {
    ExecutionState end = run("parent-async", parent("arn:aws:states:::states:startExecution", "child-ok"), "{\"n\": 2}");
    String child = end.output().get("ExecutionArn").asText();
    assertEquals(Json.parse("{\"doubled\": 4}"), ExecutionFixtures.await(runtime, child, Duration.ofSeconds(10)).output());
  }

  /** As test_sfn_task_service recorded it: StartExecution's answer with the v1 client's HTTP metadata. */
  @Test
  void fireAndForget_resultCarriesTheSdkHttpAndResponseMetadata() {
    ExecutionState end = run("parent-meta", parent("arn:aws:states:::states:startExecution", "child-ok"), "{\"n\": 5}");
    JsonNode out = end.output();
    assertEquals(Set.of("ExecutionArn", "SdkHttpMetadata", "SdkResponseMetadata", "StartDate"), Set.copyOf(names(out)), out.toString());
    JsonNode http = out.get("SdkHttpMetadata");
    assertEquals(200, http.path("HttpStatusCode").asInt(), out.toString());
    assertEquals("application/x-amz-json-1.0", http.path("HttpHeaders").path("Content-Type").asText(), out.toString());
    assertEquals(out.path("SdkResponseMetadata").path("RequestId"), http.path("HttpHeaders").path("x-amzn-RequestId"));
    assertEquals(Json.array().add(http.path("HttpHeaders").path("Content-Length").asText()),
        http.path("AllHttpHeaders").path("Content-Length"), out.toString());
    assertTrue(out.path("StartDate").isIntegralNumber(), out.toString());
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** As test_task_service_sfn recorded it: the modelled error's name and the SDK v1 message as the cause. */
  @Test
  void aMissingStateMachine_isStepFunctionsStateMachineDoesNotExistException_withTheV1Message() {
    ExecutionState end = run("parent-missing", parent("arn:aws:states:::states:startExecution", "no-such-child"), "{\"n\": 3}");
    JsonNode failed = end.output().path("failed");
    assertEquals("StepFunctions.StateMachineDoesNotExistException", failed.path("Error").asText(), end.output().toString());
    String missing = ExecutionFixtures.MACHINE_PREFIX + "no-such-child";
    assertTrue(failed.path("Cause").asText().matches(Pattern.quote("State Machine Does Not Exist: '" + missing + "' (Service: "
        + "AWSStepFunctions; Status Code: 400; Error Code: StateMachineDoesNotExist; Request ID: ") + "[-0-9a-f]{36}; Proxy: null\\)"),
        failed.toString());
  }
}
