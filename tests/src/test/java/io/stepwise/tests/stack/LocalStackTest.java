package io.stepwise.tests.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.local.stack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/** The repository's template.yml on the local stack, driven through the AWS SDK's own SfnClient. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackTest {
  private static final String SEED = "RandomErrorStateMachine";
  private LocalStack stack;
  private SfnClient sfn;

  @BeforeAll
  void start() {
    stack = LocalStack.start(StackFixtures.template(), 0, StackFixtures.QUIET);
    sfn = StackFixtures.sfn(stack.endpoints().api());
  }

  @AfterAll
  void stop() {
    if (sfn != null) sfn.close();
    if (stack != null) stack.close();
  }

  @Test
  void givenTheRepositoryTemplate_whenListingStateMachines_thenTheSeedIsThereUnderItsStackName() {
    List<StateMachineListItem> machines = sfn.listStateMachines(r -> {}).stateMachines();

    assertTrue(machines.stream().anyMatch(m -> m.stateMachineArn().equals(stack.stateMachines().get(SEED))), machines.toString());
    assertEquals("arn:aws:states:us-east-1:000000000000:stateMachine:stepwise-" + SEED, stack.stateMachines().get(SEED));
  }

  @Test
  void givenTheSeedMachine_whenStartedWithTheDocsPayload_thenItSucceedsWithInvocationSucceeded() throws Exception {
    String input = Files.readString(StackFixtures.repoRoot().resolve("events/event.json"));

    String execution = sfn.startExecution(r -> r.stateMachineArn(stack.stateMachines().get(SEED)).input(input)).executionArn();

    // InvocationType Event: the call is accepted whatever the dice, so the seed always succeeds.
    AtomicReference<DescribeExecutionResponse> last = new AtomicReference<>();
    StackFixtures.await("the seed execution to finish", Duration.ofSeconds(30), () -> {
      last.set(sfn.describeExecution(r -> r.executionArn(execution)));
      return last.get().status() != ExecutionStatus.RUNNING;
    });
    assertEquals(ExecutionStatus.SUCCEEDED, last.get().status(), last.get().toString());
    assertEquals("\"Invocation succeeded!\"", last.get().output());
  }

  @Test
  void givenTheTemplate_whenStarted_thenOnlyTheTaskFunctionIsHostedAndTheBannerSaysHowToUseIt() {
    assertEquals(List.of("RandomErrorFunction"), List.copyOf(stack.functions().keySet()));
    assertEquals("rate(1 minute)", stack.schedules().get("ScheduleRule"));

    String banner = stack.banner(List.of(Path.of("template.yml")));

    assertTrue(banner.contains("http://localhost:" + stack.endpoints().api().getPort()), banner);
    assertTrue(banner.contains(stack.stateMachines().get(SEED)), banner);
    assertTrue(banner.contains("list-state-machines") && banner.contains("start-execution")
        && banner.contains("describe-execution") && banner.contains("AWS_DEFAULT_REGION=us-east-1"), banner);
    assertTrue(banner.contains("Ctrl-C stops everything"), banner);
  }
}
