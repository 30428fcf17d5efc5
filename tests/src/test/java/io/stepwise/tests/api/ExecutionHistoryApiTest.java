package io.stepwise.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.tests.LocalAws;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryRequest;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** GetExecutionHistory: the SDK's event shapes, pages, reverse order and includeExecutionData. */
@ExtendWith(LocalAws.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutionHistoryApiTest {
  private static final String MACHINE = """
      {"StartAt": "Call", "States": {
        "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                 "Parameters": {"FunctionName": "echo", "Payload.$": "$"}, "OutputPath": "$.Payload", "Next": "Nap"},
        "Nap": {"Type": "Wait", "Seconds": 0, "Next": "Done"},
        "Done": {"Type": "Pass", "Result": {"ok": true}, "End": true}}}""";
  private ApiStack stack;
  private String execution;
  private Instant started;

  @BeforeAll
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    stack = ApiStack.start(dynamo, sqs, "api-history");
    String machine = stack.createMachine("history", MACHINE);
    started = Instant.now().minusSeconds(1);
    execution = stack.sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"secret\": 7}")).executionArn();
    assertEquals(ExecutionStatus.SUCCEEDED, stack.await(execution).status());
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  private List<HistoryEvent> all(boolean reverse) {
    return stack.sfn.getExecutionHistory(r -> r.executionArn(execution).maxResults(1000).reverseOrder(reverse)).events();
  }

  @Test
  void givenFinishedExecution_whenHistoryRead_thenStepFunctionsEventsInTheSdkShape() {
    List<HistoryEvent> events = all(false);
    assertEquals(List.of(HistoryEventType.EXECUTION_STARTED, HistoryEventType.TASK_STATE_ENTERED,
        HistoryEventType.TASK_SCHEDULED, HistoryEventType.TASK_STARTED, HistoryEventType.TASK_SUCCEEDED,
        HistoryEventType.TASK_STATE_EXITED, HistoryEventType.WAIT_STATE_ENTERED, HistoryEventType.WAIT_STATE_EXITED,
        HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED),
        events.stream().map(HistoryEvent::type).toList());
    for (int i = 0; i < events.size(); i++) {
      assertEquals(i + 1, events.get(i).id());
      assertTrue(events.get(i).timestamp().isAfter(started), events.get(i).toString());
    }
    HistoryEvent first = events.get(0);
    assertEquals(0L, first.previousEventId());
    assertEquals("{\"secret\":7}", first.executionStartedEventDetails().input());
    assertEquals(ApiStack.ROLE, first.executionStartedEventDetails().roleArn());
    assertEquals("Call", events.get(1).stateEnteredEventDetails().name());
    assertEquals("lambda", events.get(2).taskScheduledEventDetails().resourceType());
    assertEquals("{\"ok\":true}", events.get(events.size() - 1).executionSucceededEventDetails().output());
  }

  @Test
  void givenFinishedExecution_whenReadInPagesOfThree_thenTheSameEventsInOrder() {
    List<HistoryEvent> whole = all(false);
    List<HistoryEvent> paged = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String from = token;
      GetExecutionHistoryResponse page = stack.sfn.getExecutionHistory(r -> r.executionArn(execution).maxResults(3).nextToken(from));
      assertTrue(page.events().size() <= 3);
      paged.addAll(page.events());
      token = page.nextToken();
      pages++;
    } while (token != null);
    assertEquals(whole, paged);
    assertEquals((whole.size() + 2) / 3, pages);
    List<HistoryEvent> byPaginator = new ArrayList<>();
    stack.sfn.getExecutionHistoryPaginator(GetExecutionHistoryRequest.builder().executionArn(execution).maxResults(4).build())
        .events().forEach(byPaginator::add);
    assertEquals(whole, byPaginator);
  }

  @Test
  void givenFinishedExecution_whenReadInReverse_thenNewestFirstAcrossPages() {
    List<HistoryEvent> reversed = new ArrayList<>(all(false));
    java.util.Collections.reverse(reversed);
    assertEquals(reversed, all(true));
    List<HistoryEvent> paged = new ArrayList<>();
    stack.sfn.getExecutionHistoryPaginator(GetExecutionHistoryRequest.builder().executionArn(execution).maxResults(2)
        .reverseOrder(true).build()).events().forEach(paged::add);
    assertEquals(reversed, paged);
    assertEquals(HistoryEventType.EXECUTION_SUCCEEDED, paged.get(0).type());
  }

  @Test
  void givenIncludeExecutionDataFalse_whenRead_thenPayloadsAreLeftOut() {
    List<HistoryEvent> events = stack.sfn.getExecutionHistory(r -> r.executionArn(execution).includeExecutionData(false)).events();
    assertNull(events.get(0).executionStartedEventDetails().input());
    assertEquals(ApiStack.ROLE, events.get(0).executionStartedEventDetails().roleArn());
    assertNull(events.get(1).stateEnteredEventDetails().input());
    assertEquals("Call", events.get(1).stateEnteredEventDetails().name());
    assertNull(events.get(events.size() - 1).executionSucceededEventDetails().output());
    assertNotNull(events.get(events.size() - 1).executionSucceededEventDetails());
  }

  @Test
  void givenForeignToken_whenRead_thenInvalidToken() {
    String forward = stack.sfn.getExecutionHistory(r -> r.executionArn(execution).maxResults(1)).nextToken();
    assertNotNull(forward);
    assertThrows(InvalidTokenException.class,
        () -> stack.sfn.getExecutionHistory(r -> r.executionArn(execution).nextToken("garbage!")));
    assertThrows(InvalidTokenException.class,
        () -> stack.sfn.getExecutionHistory(r -> r.executionArn(execution).reverseOrder(true).nextToken(forward)));
  }
}
