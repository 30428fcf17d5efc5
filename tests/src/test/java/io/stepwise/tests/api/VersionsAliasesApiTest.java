package io.stepwise.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.tests.LocalAws;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineAliasResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ValidationException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Versions and aliases through the real SfnClient: publish, describe, start by version or alias, weighted routing. */
@ExtendWith(LocalAws.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VersionsAliasesApiTest {
  private static final String V1 = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": \"v1\", \"End\": true}}}";
  private static final String V2 = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": \"v2\", \"End\": true}}}";
  private ApiStack stack;
  private SfnClient sfn;

  @BeforeAll
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    stack = ApiStack.start(dynamo, sqs, "api-versions");
    sfn = stack.sfn;
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  @Test
  void givenPublishedVersions_whenStartedByVersionArn_thenEachRunsItsOwnDefinition() {
    CreateStateMachineResponse created = sfn.createStateMachine(r -> r.name("versioned").definition(V1).roleArn(ApiStack.ROLE)
        .publish(true).versionDescription("first"));
    String machine = created.stateMachineArn();
    assertEquals(machine + ":1", created.stateMachineVersionArn());
    var updated = sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition(V2).publish(true));
    assertEquals(machine + ":2", updated.stateMachineVersionArn());
    // Publishing the same revision again returns the version it already is.
    assertEquals(machine + ":2", sfn.publishStateMachineVersion(r -> r.stateMachineArn(machine)).stateMachineVersionArn());
    assertThrows(ConflictException.class, () -> sfn.publishStateMachineVersion(r -> r.stateMachineArn(machine).revisionId("1")));

    List<String> listed = sfn.listStateMachineVersions(r -> r.stateMachineArn(machine)).stateMachineVersions().stream()
        .map(v -> v.stateMachineVersionArn()).toList();
    assertEquals(List.of(machine + ":2", machine + ":1"), listed);
    DescribeStateMachineResponse v1 = sfn.describeStateMachine(r -> r.stateMachineArn(machine + ":1"));
    assertEquals(V1, v1.definition());
    assertEquals("first", v1.description());
    assertEquals(machine + ":1", v1.stateMachineArn());

    String byVersion = sfn.startExecution(r -> r.stateMachineArn(machine + ":1")).executionArn();
    DescribeExecutionResponse ran = stack.await(byVersion);
    assertEquals("\"v1\"", ran.output());
    assertEquals(machine + ":1", ran.stateMachineVersionArn());
    assertNull(ran.stateMachineAliasArn());
    assertEquals("\"v2\"", stack.await(sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn()).output());
    List<ExecutionListItem> ofVersion = sfn.listExecutions(r -> r.stateMachineArn(machine + ":1")).executions();
    assertEquals(List.of(byVersion), ofVersion.stream().map(ExecutionListItem::executionArn).toList());

    sfn.deleteStateMachineVersion(r -> r.stateMachineVersionArn(machine + ":1"));
    assertThrows(StateMachineDoesNotExistException.class, () -> sfn.startExecution(r -> r.stateMachineArn(machine + ":1")));
    sfn.publishStateMachineVersion(r -> r.stateMachineArn(machine)); // v2 is still the newest: no new number
    sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition(V1));
    assertEquals(machine + ":3", sfn.publishStateMachineVersion(r -> r.stateMachineArn(machine)).stateMachineVersionArn());
    assertThrows(ValidationException.class, () -> sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition(V2)
        .versionDescription("needs publish")));
  }

  /**
   * A tracing change is a new revision: publishing it makes the next version, as AWS answers in
   * getmoto/moto's AWS-verified test_version_is_only_available_when_published.
   */
  @Test
  void givenATracingChange_whenUpdatedWithPublish_thenTheNextVersionIsPublished() {
    String first = sfn.createStateMachine(r -> r.name("traced-1").definition(V1).roleArn(ApiStack.ROLE)).stateMachineArn();
    var published = sfn.updateStateMachine(r -> r.stateMachineArn(first).publish(true).tracingConfiguration(t -> t.enabled(true)));
    assertEquals(first + ":1", published.stateMachineVersionArn());
    assertNull(sfn.updateStateMachine(r -> r.stateMachineArn(first).tracingConfiguration(t -> t.enabled(false)))
        .stateMachineVersionArn());

    var created = sfn.createStateMachine(r -> r.name("traced-2").definition(V1).roleArn(ApiStack.ROLE).publish(true));
    String second = created.stateMachineArn();
    assertEquals(second + ":1", created.stateMachineVersionArn());
    assertEquals(second + ":2", sfn.updateStateMachine(r -> r.stateMachineArn(second).publish(true)
        .tracingConfiguration(t -> t.enabled(true))).stateMachineVersionArn());
  }

  @Test
  void givenAliasSplittingTwoVersions_whenStartedManyTimes_thenBothRunAndDescribeNamesAliasAndVersion() {
    String machine = sfn.createStateMachine(r -> r.name("aliased").definition(V1).roleArn(ApiStack.ROLE).publish(true))
        .stateMachineArn();
    sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition(V2).publish(true));
    String alias = sfn.createStateMachineAlias(r -> r.name("live").description("canary")
        .routingConfiguration(route(machine + ":1", 50), route(machine + ":2", 50))).stateMachineAliasArn();
    assertEquals(machine + ":live", alias);
    DescribeStateMachineAliasResponse described = sfn.describeStateMachineAlias(r -> r.stateMachineAliasArn(alias));
    assertEquals("canary", described.description());
    assertEquals(2, described.routingConfiguration().size());

    Map<String, Integer> outputs = new HashMap<>();
    for (int i = 0; i < 24; i++) {
      DescribeExecutionResponse ran = stack.await(sfn.startExecution(r -> r.stateMachineArn(alias)).executionArn());
      assertEquals(alias, ran.stateMachineAliasArn());
      assertEquals(ran.output().equals("\"v1\"") ? machine + ":1" : machine + ":2", ran.stateMachineVersionArn());
      outputs.merge(ran.output(), 1, Integer::sum);
    }
    // 24 starts at 50/50 all landing on one version happens with probability 2^-23.
    assertEquals(2, outputs.size(), "both versions ran: " + outputs);

    sfn.updateStateMachineAlias(r -> r.stateMachineAliasArn(alias).routingConfiguration(route(machine + ":2", 100)));
    assertEquals("\"v2\"", stack.await(sfn.startExecution(r -> r.stateMachineArn(alias)).executionArn()).output());
    ConflictException routed = assertThrows(ConflictException.class,
        () -> sfn.deleteStateMachineVersion(r -> r.stateMachineVersionArn(machine + ":2")));
    assertTrue(routed.getMessage().contains("[live]"));
    assertEquals(List.of(alias), sfn.listStateMachineAliases(r -> r.stateMachineArn(machine)).stateMachineAliases().stream()
        .map(a -> a.stateMachineAliasArn()).toList());
    assertThrows(ValidationException.class, () -> sfn.createStateMachineAlias(r -> r.name("bad")
        .routingConfiguration(route(machine + ":1", 70), route(machine + ":2", 29))));
    sfn.deleteStateMachineAlias(r -> r.stateMachineAliasArn(alias));
    assertThrows(ResourceNotFoundException.class, () -> sfn.describeStateMachineAlias(r -> r.stateMachineAliasArn(alias)));
    sfn.deleteStateMachine(r -> r.stateMachineArn(machine));
    assertThrows(StateMachineDoesNotExistException.class,
        () -> sfn.listStateMachineVersions(r -> r.stateMachineArn(machine)));
  }

  private static RoutingConfigurationListItem route(String versionArn, int weight) {
    return RoutingConfigurationListItem.builder().stateMachineVersionArn(versionArn).weight(weight).build();
  }
}
