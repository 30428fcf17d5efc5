package io.stepwise.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.tests.LocalAws;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidLoggingConfigurationException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.UpdateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidationException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** CreateStateMachine and the rest of the state machine operations, through the real SfnClient. */
@ExtendWith(LocalAws.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StateMachinesApiTest {
  private static final String PASS = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";
  private static final String PASS_RESULT =
      "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": \"v2\", \"End\": true}}}";
  private ApiStack stack;

  @BeforeAll
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    stack = ApiStack.start(dynamo, sqs, "api-machines");
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  @Test
  void givenNewMachine_whenCreatedDescribedUpdatedDeleted_thenEachStepShowsInDescribe() {
    Instant before = Instant.now().minusSeconds(1);
    CreateStateMachineResponse created = stack.sfn.createStateMachine(r -> r.name("lifecycle").definition(PASS)
        .roleArn(ApiStack.ROLE).type(StateMachineType.EXPRESS));
    assertEquals("arn:aws:states:us-east-1:000000000000:stateMachine:lifecycle", created.stateMachineArn());
    assertTrue(created.creationDate().isAfter(before));

    DescribeStateMachineResponse described = stack.sfn.describeStateMachine(r -> r.stateMachineArn(created.stateMachineArn()));
    assertEquals("lifecycle", described.name());
    assertEquals(PASS, described.definition());
    assertEquals(ApiStack.ROLE, described.roleArn());
    assertEquals(StateMachineType.EXPRESS, described.type());
    assertEquals("ACTIVE", described.statusAsString());
    assertEquals(created.creationDate(), described.creationDate());

    UpdateStateMachineResponse updated = stack.sfn.updateStateMachine(r -> r.stateMachineArn(created.stateMachineArn())
        .definition(PASS_RESULT));
    assertEquals("2", updated.revisionId());
    assertFalse(updated.updateDate().isBefore(created.creationDate()));
    DescribeStateMachineResponse after = stack.sfn.describeStateMachine(r -> r.stateMachineArn(created.stateMachineArn()));
    assertEquals(PASS_RESULT, after.definition());
    assertEquals(ApiStack.ROLE, after.roleArn());
    assertEquals(created.creationDate(), after.creationDate());

    stack.sfn.deleteStateMachine(r -> r.stateMachineArn(created.stateMachineArn()));
    assertThrows(StateMachineDoesNotExistException.class,
        () -> stack.sfn.describeStateMachine(r -> r.stateMachineArn(created.stateMachineArn())));
    assertThrows(StateMachineDoesNotExistException.class,
        () -> stack.sfn.startExecution(r -> r.stateMachineArn(created.stateMachineArn())));
    stack.sfn.deleteStateMachine(r -> r.stateMachineArn(created.stateMachineArn())); // idempotent, as on AWS

    String again = stack.createMachine("lifecycle", PASS_RESULT);
    assertEquals(PASS_RESULT, stack.sfn.describeStateMachine(r -> r.stateMachineArn(again)).definition());
  }

  @Test
  void givenRunningExecution_whenItsMachineIsDeleted_thenItFinishesOnItsVersion() {
    String arn = stack.createMachine("deleted-while-running",
        "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 1, \"Next\": \"P\"},"
            + " \"P\": {\"Type\": \"Pass\", \"Result\": \"done\", \"End\": true}}}");
    String execution = stack.sfn.startExecution(r -> r.stateMachineArn(arn)).executionArn();
    stack.sfn.deleteStateMachine(r -> r.stateMachineArn(arn));
    assertEquals(ExecutionStatus.SUCCEEDED, stack.await(execution).status());
    assertTrue(stack.sfn.describeStateMachineForExecution(r -> r.executionArn(execution)).definition().contains("done"));
  }

  @Test
  void givenSameName_whenCreatedAgain_thenSameMachineIsIdempotentAndAnotherIsAlreadyExists() {
    CreateStateMachineResponse first = stack.sfn.createStateMachine(r -> r.name("twice").definition(PASS).roleArn(ApiStack.ROLE));
    CreateStateMachineResponse second = stack.sfn.createStateMachine(r -> r.name("twice").definition(PASS).roleArn(ApiStack.ROLE));
    // The modelled fields, not the whole responses: those carry HTTP headers such as Date.
    assertEquals(first.stateMachineArn(), second.stateMachineArn());
    assertEquals(first.creationDate(), second.creationDate());
    StateMachineAlreadyExistsException e = assertThrows(StateMachineAlreadyExistsException.class,
        () -> stack.sfn.createStateMachine(r -> r.name("twice").definition(PASS_RESULT).roleArn(ApiStack.ROLE)));
    assertTrue(e.getMessage().contains(first.stateMachineArn()), e.getMessage());
    assertEquals(400, e.statusCode());
    assertEquals("StateMachineAlreadyExists", e.awsErrorDetails().errorCode());
  }

  @Test
  void givenInvalidDefinition_whenCreated_thenInvalidDefinitionListsEveryDiagnostic() {
    String twoProblems = "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"Nowhere\"},"
        + " \"B\": {\"Type\": \"Wait\", \"End\": true}}}";
    InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
        () -> stack.sfn.createStateMachine(r -> r.name("broken").definition(twoProblems).roleArn(ApiStack.ROLE)));
    assertTrue(e.getMessage().startsWith("Invalid State Machine Definition: '"), e.getMessage());
    assertTrue(e.getMessage().contains("MISSING_TRANSITION_TARGET"), e.getMessage());
    assertTrue(e.getMessage().contains("/States/A/Next"), e.getMessage());
    assertTrue(e.getMessage().contains("/States/B"), e.getMessage());
    assertThrows(InvalidDefinitionException.class,
        () -> stack.sfn.createStateMachine(r -> r.name("not-json").definition("{\"StartAt\":").roleArn(ApiStack.ROLE)));
    assertThrows(StateMachineDoesNotExistException.class,
        () -> stack.sfn.describeStateMachine(r -> r.stateMachineArn(
            "arn:aws:states:us-east-1:000000000000:stateMachine:broken")));
  }

  @Test
  void givenDefinitions_whenValidated_thenOkOrFailWithEachDiagnostic() {
    ValidateStateMachineDefinitionResponse ok = stack.sfn.validateStateMachineDefinition(r -> r.definition(PASS));
    assertEquals(ValidateStateMachineDefinitionResultCode.OK, ok.result());
    assertTrue(ok.diagnostics().isEmpty());
    ValidateStateMachineDefinitionResponse fail = stack.sfn.validateStateMachineDefinition(r -> r.definition(
        "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"Nowhere\"}}}"));
    assertEquals(ValidateStateMachineDefinitionResultCode.FAIL, fail.result());
    assertEquals("ERROR", fail.diagnostics().get(0).severityAsString());
    assertEquals("MISSING_TRANSITION_TARGET", fail.diagnostics().get(0).code());
    assertEquals("/States/A/Next", fail.diagnostics().get(0).location());
    assertFalse(fail.truncated());
  }

  @Test
  void givenManyMachines_whenListedInPagesOfThree_thenEachAppearsOnceInNameOrder() {
    List<String> names = List.of("list-c", "list-a", "list-e", "list-b", "list-d", "list-f", "list-g");
    for (String name : names) stack.createMachine(name, PASS);
    List<StateMachineListItem> all = stack.sfn.listStateMachinesPaginator(r -> r.maxResults(3)).stateMachines().stream()
        .filter(m -> m.name().startsWith("list-")).toList();
    assertEquals(names.stream().sorted().toList(), all.stream().map(StateMachineListItem::name).toList());
    StateMachineListItem first = all.get(0);
    assertEquals("arn:aws:states:us-east-1:000000000000:stateMachine:list-a", first.stateMachineArn());
    assertEquals(StateMachineType.STANDARD, first.type());
    assertNotNull(first.creationDate());
    assertEquals(3, stack.sfn.listStateMachines(r -> r.maxResults(3)).stateMachines().size());
  }

  @Test
  void givenBadRequests_whenSent_thenTheModelledExceptions() {
    assertThrows(InvalidNameException.class,
        () -> stack.sfn.createStateMachine(r -> r.name("no spaces").definition(PASS).roleArn(ApiStack.ROLE)));
    assertThrows(InvalidArnException.class, () -> stack.sfn.describeStateMachine(r -> r.stateMachineArn("nope")));
    assertThrows(InvalidArnException.class, () -> stack.sfn.describeStateMachine(r -> r.stateMachineArn(
        "arn:aws:states:us-east-1:000000000000:execution:m:e")));
    assertThrows(ValidationException.class, () -> stack.sfn.createStateMachine(r -> r.name("norole").definition(PASS)));
    assertThrows(ValidationException.class, () -> stack.sfn.listStateMachines(r -> r.maxResults(1001)));
    assertThrows(StateMachineDoesNotExistException.class, () -> stack.sfn.updateStateMachine(r -> r.stateMachineArn(
        "arn:aws:states:us-east-1:000000000000:stateMachine:missing").definition(PASS)));
  }

  @Test
  void givenLoggingAndTracing_whenCreatedAndUpdated_thenDescribedBackAndBadOnesRefused() {
    String group = "arn:aws:logs:us-east-1:000000000000:log-group:/stepwise/orders:*";
    String arn = stack.sfn.createStateMachine(r -> r.name("logged").definition(PASS).roleArn(ApiStack.ROLE)
        .loggingConfiguration(l -> l.level(LogLevel.ERROR).includeExecutionData(true)
            .destinations(d -> d.cloudWatchLogsLogGroup(g -> g.logGroupArn(group))))
        .tracingConfiguration(t -> t.enabled(true))).stateMachineArn();
    DescribeStateMachineResponse described = stack.sfn.describeStateMachine(r -> r.stateMachineArn(arn));
    assertEquals(LogLevel.ERROR, described.loggingConfiguration().level());
    assertTrue(described.loggingConfiguration().includeExecutionData());
    assertEquals(group, described.loggingConfiguration().destinations().get(0).cloudWatchLogsLogGroup().logGroupArn());
    assertTrue(described.tracingConfiguration().enabled());

    stack.sfn.updateStateMachine(r -> r.stateMachineArn(arn).loggingConfiguration(l -> l.level(LogLevel.OFF)));
    assertEquals(LogLevel.OFF, stack.sfn.describeStateMachine(r -> r.stateMachineArn(arn)).loggingConfiguration().level());
    assertTrue(stack.sfn.describeStateMachine(r -> r.stateMachineArn(arn)).tracingConfiguration().enabled());
    assertThrows(InvalidLoggingConfigurationException.class, () -> stack.sfn.updateStateMachine(r -> r.stateMachineArn(arn)
        .loggingConfiguration(l -> l.level(LogLevel.ALL))));
  }
}
