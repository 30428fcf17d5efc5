package io.stepwise.tests.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.local.stack.LocalStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The template's schedule on a scaled clock, and what close() leaves behind. */
class LocalStackScheduleTest {
  @Test
  void givenARateOfFiveMinutesScaledDown_whenTheStackRuns_thenTheScheduleStartsSeedExecutionsThatSucceed() {
    Path template = StackFixtures.templateVariant("five-minutes", "rate(1 minute)", "rate(5 minutes)");
    // 5 minutes x 0.002 = 0.6 s between firings.
    try (LocalStack stack = LocalStack.start(template, 0, StackFixtures.QUIET.withScheduleTimeScale(0.002));
        SfnClient sfn = StackFixtures.sfn(stack.endpoints().api())) {
      String seed = stack.stateMachines().get("RandomErrorStateMachine");
      assertEquals(Map.of("ScheduleRule", "rate(5 minutes)"), stack.schedules());

      StackFixtures.await("two scheduled executions to succeed", Duration.ofSeconds(30), () ->
          sfn.listExecutions(r -> r.stateMachineArn(seed).statusFilter(ExecutionStatus.SUCCEEDED)).executions().size() >= 2);
    }
  }

  @Test
  void givenScheduleStateDisabled_whenTheStackRuns_thenNoScheduleStartsAnything() throws InterruptedException {
    Path template = StackFixtures.templateVariant("disabled", "Default: ENABLED", "Default: DISABLED");
    try (LocalStack stack = LocalStack.start(template, 0, StackFixtures.QUIET.withScheduleTimeScale(0.002));
        SfnClient sfn = StackFixtures.sfn(stack.endpoints().api())) {
      String seed = stack.stateMachines().get("RandomErrorStateMachine");

      Thread.sleep(1_000); // ten scaled minutes

      assertTrue(stack.schedules().isEmpty(), stack.schedules().toString());
      assertTrue(sfn.listExecutions(r -> r.stateMachineArn(seed)).executions().isEmpty());
    }
  }

  @Test
  void givenARunningStack_whenClosed_thenItsDynaliteProcessIsGoneAndTheApiPortIsFree() throws Exception {
    LocalStack stack = LocalStack.start(StackFixtures.template(), 0, StackFixtures.QUIET);
    long pid = stack.dynalitePid();
    int dynalitePort = stack.endpoints().dynamoDb().getPort();
    int apiPort = stack.endpoints().api().getPort();
    assertTrue(StackFixtures.dynaliteRunsOn(dynalitePort), "dynalite should run while the stack does");

    stack.close();

    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "dynalite pid " + pid + " still alive");
    assertFalse(StackFixtures.dynaliteRunsOn(dynalitePort), "pgrep still finds dynalite on port " + dynalitePort);
    try (java.net.ServerSocket rebind = new java.net.ServerSocket(apiPort, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertEquals(apiPort, rebind.getLocalPort());
    }
  }
}
