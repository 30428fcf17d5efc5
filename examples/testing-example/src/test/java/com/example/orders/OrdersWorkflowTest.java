package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.testing.Mock;
import io.stepwise.testing.StepwiseExtension;
import io.stepwise.testing.Workflow;
import io.stepwise.testing.WorkflowRun;
import io.stepwise.testing.Workflows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The order workflow, tested the way a user of stepwise-testing tests theirs. */
@ExtendWith(StepwiseExtension.class)
class OrdersWorkflowTest {
  private static final Map<String, String> FUNCTIONS = Map.of(
      "ChargeFunction", "arn:aws:lambda:us-east-1:123456789012:function:charge",
      "ShipFunction", "arn:aws:lambda:us-east-1:123456789012:function:ship");

  private static Workflow orders(Workflows workflows) {
    return workflows.load("src/main/resources/orders.asl.yaml", FUNCTIONS);
  }

  @Test
  void busyPaymentService_isRetried_thenTheOrderShips(Workflows workflows) {
    WorkflowRun run = orders(workflows)
        .mock("Charge", Mock.error("Payments.Busy", "try later"), Mock.error("Payments.Busy", "try later"),
            Mock.result("{\"Payload\": {\"amount\": 25}}"))
        .mock("Ship", Mock.result("{\"Payload\": {\"shipped\": true}}"))
        .run("{\"order\": \"o-1\"}");

    run.assertSucceeded()
        .assertOutput("{\"shipped\": true}")
        .assertPath("Charge", "Large?", "Ship")
        .assertRetries("Charge", 2)
        .assertStateOutput("Charge", "{\"order\": \"o-1\", \"payment\": {\"charged\": 25}}")
        .assertStateInput("Ship", "{\"order\": \"o-1\", \"payment\": {\"charged\": 25}}");
    // Virtual time: the 30 s and 60 s Retry intervals show in the history, and take no time.
    Duration waited = Duration.between(run.history().get(0).timestamp(), run.history().get(run.history().size() - 1).timestamp());
    assertEquals(90, waited.toSeconds());
  }

  @Test
  void largeOrder_waitsAnHourForReview(Workflows workflows) {
    WorkflowRun run = orders(workflows)
        .mock("Charge", Mock.result("{\"Payload\": {\"amount\": 500}}"))
        .mock("Ship", Mock.result("{\"Payload\": {\"shipped\": true}}"))
        .run("{\"order\": \"o-2\"}");
    run.assertSucceeded().assertPath("Charge", "Large?", "WaitForReview", "Ship");
  }

  @Test
  void declinedCard_failsTheOrder(Workflows workflows) {
    WorkflowRun run = orders(workflows)
        .mock("Charge", Mock.error("Payments.Declined", "insufficient funds"))
        .run("{\"order\": \"o-3\"}");
    run.assertFailed("OrderDeclined").assertPath("Charge", "Declined").assertRetries("Charge", 0);
    assertEquals("insufficient funds", run.stateInput("Declined").path("failure").path("Cause").asText());
  }

  @Test
  void mockConfigFile_answersTheTasks(Workflows workflows) {
    orders(workflows).mockConfig(Path.of("src/test/resources/orders.mocks.json"), "HappyPath")
        .run("{\"order\": \"o-4\"}")
        .assertSucceeded()
        .assertOutput("{\"shipped\": true, \"tracking\": \"T-1\"}");
  }

  @Test
  void failedAssertion_printsTheHistory(Workflows workflows) {
    WorkflowRun run = orders(workflows).mock("Charge", Mock.error("Payments.Declined", "no")).run("{}");
    AssertionError failure = assertThrows(AssertionError.class, run::assertSucceeded);
    assertTrue(failure.getMessage().contains("expected SUCCEEDED, was FAILED"), failure.getMessage());
    assertTrue(failure.getMessage().contains("TaskFailed"), failure.getMessage());
    assertTrue(failure.getMessage().contains("FailStateEntered"), failure.getMessage());
  }
}
