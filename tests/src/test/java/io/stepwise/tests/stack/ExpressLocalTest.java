package io.stepwise.tests.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.json.Json;
import io.stepwise.local.stack.LocalStack;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/** An EXPRESS machine from a user's SAM template on {@code ./stepwise local}, run with StartSyncExecution. */
class ExpressLocalTest {
  @Test
  void givenExpressMachineCallingAFunction_whenStartedSyncThroughTheSdk_thenTheAnswerIsItsEnd() {
    Path template = StackFixtures.repoRoot().resolve("tests/src/test/resources/user-templates/express-app.yml");
    try (LocalStack stack = LocalStack.start(List.of(template), 0, StackFixtures.QUIET);
        // Host prefix injection off: the SDK would send StartSyncExecution to sync-127.0.0.1 (README).
        SfnClient sfn = StackFixtures.sfn(stack.endpoints().api())) {
      String machine = stack.stateMachines().get("Shout");
      assertEquals(StateMachineType.EXPRESS, sfn.describeStateMachine(r -> r.stateMachineArn(machine)).type());

      StartSyncExecutionResponse done = sfn.startSyncExecution(r -> r.stateMachineArn(machine).input("{\"greeting\": \"hello\"}"));

      assertEquals(SyncExecutionStatus.SUCCEEDED, done.status(), done.toString());
      assertTrue(done.executionArn().contains(":express:"), done.executionArn());
      assertEquals(Json.parse("{\"said\": \"HELLO\", \"execution\": \"" + done.executionArn() + "\"}"), Json.parse(done.output()));
      assertTrue(done.billingDetails().billedDurationInMilliseconds() >= 1000, done.billingDetails().toString());
    }
  }
}
