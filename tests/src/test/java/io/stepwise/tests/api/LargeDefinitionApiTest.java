package io.stepwise.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.json.Json;
import io.stepwise.tests.LocalAws;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.ValidationException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Definitions up to Step Functions' limit of 1,048,576 characters are stored, whatever DynamoDB's
 * 400 KB item limit; longer ones are AWS's ValidationException and leave nothing behind.
 */
@ExtendWith(LocalAws.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeDefinitionApiTest {
  private ApiStack stack;

  @BeforeAll
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    stack = ApiStack.start(dynamo, sqs, "api-large");
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  /** A valid definition of about {@code chars} characters whose Pass results are random text, which hardly compresses. */
  static String definition(int chars, long seed) {
    Random random = new Random(seed);
    var states = Json.object();
    int count = (int) Math.ceil(chars / 19_400.0); // each state is about 19,410 characters
    for (int i = 0; i < count; i++) {
      byte[] noise = new byte[14_500];
      random.nextBytes(noise);
      var state = Json.object().put("Type", "Pass").put("Result", Base64.getEncoder().encodeToString(noise))
          .putNull("ResultPath"); // the state's data stays small
      if (i + 1 < count) state.put("Next", "S" + (i + 1)); else state.put("End", true);
      states.set("S" + i, state);
    }
    var root = Json.object().put("StartAt", "S0");
    root.set("States", states);
    return Json.write(root);
  }

  @Test
  void definitionsOf400KiBTo1MiB_areStoredDescribedListedAndRun() {
    for (int size : new int[] {420_000, 1_000_000}) {
      String definition = definition(size, size);
      assertTrue(definition.length() >= size && definition.length() <= 1_048_576, "length " + definition.length());
      String name = "large-" + size;
      String arn = stack.createMachine(name, definition);
      assertEquals(definition, stack.sfn.describeStateMachine(r -> r.stateMachineArn(arn)).definition());
      assertEquals(1, listed(arn), name + " is listed once");
      String execution = stack.sfn.startExecution(r -> r.stateMachineArn(arn).input("{}")).executionArn();
      assertEquals(ExecutionStatus.SUCCEEDED, stack.await(execution).status());
      String updated = definition(size, size + 1);
      stack.sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition(updated));
      assertEquals(updated, stack.sfn.describeStateMachine(r -> r.stateMachineArn(arn)).definition());
      assertEquals(definition, stack.sfn.describeStateMachineForExecution(r -> r.executionArn(execution)).definition(),
          "the execution keeps the version it ran");
    }
  }

  @Test
  void definitionsOver1MiB_areValidationException_andLeaveNoListing() {
    String definition = definition(1_060_000, 7);
    assertTrue(definition.length() > 1_048_576);
    ValidationException e = assertThrows(ValidationException.class,
        () -> stack.createMachine("too-large", definition));
    assertEquals("1 validation error detected: Value at 'definition' failed to satisfy constraint: "
        + "Member must have length less than or equal to 1048576", e.awsErrorDetails().errorMessage());
    assertEquals(0, listed("arn:aws:states:us-east-1:000000000000:stateMachine:too-large"));
    ValidationException validate = assertThrows(ValidationException.class,
        () -> stack.sfn.validateStateMachineDefinition(r -> r.definition(definition)));
    assertEquals(e.awsErrorDetails().errorMessage(), validate.awsErrorDetails().errorMessage());
  }

  private long listed(String arn) {
    List<StateMachineListItem> all = stack.sfn.listStateMachinesPaginator(r -> r.maxResults(1000)).stateMachines()
        .stream().toList();
    return all.stream().filter(m -> m.stateMachineArn().equals(arn)).count();
  }
}
