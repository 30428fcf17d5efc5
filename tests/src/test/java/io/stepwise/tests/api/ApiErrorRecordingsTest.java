package io.stepwise.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.express.ExpressHistory;
import io.stepwise.tests.LocalAws;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.CloudWatchLogsLogGroup;
import software.amazon.awssdk.services.sfn.model.LogDestination;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.LoggingConfiguration;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS's error answers to bad Step Functions API requests, to the letter: Error.Code and Message
 * as LocalStack's AWS-validated snapshots recorded them (tests/aws/services/stepfunctions/v2/
 * test_sfn_api*.snapshot.json). Each test is named after its recording and makes the same request
 * through the real SfnClient; the recorder's placeholders (<ArnPart_0idx>, 111111111111, ...)
 * stand for the names and ARNs the request here used.
 */
@ExtendWith(LocalAws.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiErrorRecordingsTest {
  /** BaseTemplate.BASE_PASS_RESULT. */
  private static final String PASS = "{\"Comment\": \"BASE_PASS_RESULT\", \"StartAt\": \"State_1\", \"States\": {\"State_1\": "
      + "{\"Type\": \"Pass\", \"Result\": {\"Arg1\": \"argument1\"}, \"End\": true}}}";
  private static final String LOG_GROUP = "arn:aws:logs:us-east-1:000000000000:log-group:";
  private ApiStack stack;
  private SfnClient sfn;

  @BeforeAll
  void start(DynamoDbClient dynamo, SqsClient sqs) {
    stack = ApiStack.start(dynamo, sqs, "api-error-recordings", ExpressHistory.NONE);
    sfn = stack.sfn;
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  private static void assertAwsError(String code, String message, Executable call) {
    SfnException e = assertThrows(SfnException.class, call);
    assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
    assertEquals(message, e.awsErrorDetails().errorMessage());
  }

  private String machine(String name) {
    return stack.createMachine(name, PASS);
  }

  /** A machine created with publish, so {@code <arn>:1} is its first version. */
  private String published(String name) {
    return sfn.createStateMachine(r -> r.name(name).definition(PASS).roleArn(ApiStack.ROLE).publish(true)).stateMachineArn();
  }

  private String publishRevision(String machine, String comment) {
    return sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition(PASS.replace("BASE_PASS_RESULT", comment)).publish(true))
        .stateMachineVersionArn();
  }

  private static RoutingConfigurationListItem route(String versionArn, int weight) {
    return RoutingConfigurationListItem.builder().stateMachineVersionArn(versionArn).weight(weight).build();
  }

  private static LoggingConfiguration logging(LogLevel level, String... logGroups) {
    List<LogDestination> destinations = java.util.Arrays.stream(logGroups)
        .map(g -> LogDestination.builder().cloudWatchLogsLogGroup(CloudWatchLogsLogGroup.builder().logGroupArn(LOG_GROUP + g + ":*").build())
            .build())
        .collect(Collectors.toList());
    LoggingConfiguration.Builder builder = LoggingConfiguration.builder().level(level);
    if (logGroups.length > 0) builder.destinations(destinations);
    return builder.build();
  }

  // test_sfn_api.py

  @Test
  void test_create_delete_invalid_sm() {
    assertAwsError("InvalidDefinition", "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'",
        () -> stack.createMachine("rec-invalid-der", "{\"Comment\": \"BASE_INVALID_DER\", \"StartAt\": \"State_1\"}"));
  }

  @Test
  void test_create_duplicate_definition_format_sm() {
    String arn = machine("rec-dup-format");
    String indented = "{\n    \"Comment\": \"BASE_PASS_RESULT\",\n    \"StartAt\": \"State_1\",\n    \"States\": {\n        \"State_1\": {\n"
        + "            \"Type\": \"Pass\",\n            \"Result\": {\n                \"Arg1\": \"argument1\"\n            },\n"
        + "            \"End\": true\n        }\n    }\n}";
    assertAwsError("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'",
        () -> stack.createMachine("rec-dup-format", indented));
  }

  @Test
  void test_create_duplicate_sm_name() {
    String arn = machine("rec-dup-name");
    String other = PASS.replace("\"Arg1\": \"argument1\"", "\"Arg1\": \"argument1\", \"Arg2\": \"Argument2\"");
    assertAwsError("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'",
        () -> stack.createMachine("rec-dup-name", other));
  }

  @Test
  void test_invalid_start_execution_arn() {
    String arn = machine("rec-start-deleted");
    String invalid = arn.replace("rec-start-deleted", "statemachine_invalid_rec-start-deleted");
    sfn.deleteStateMachine(r -> r.stateMachineArn(arn));
    assertAwsError("StateMachineDoesNotExist", noSuchMachine(invalid),
        () -> sfn.startExecution(r -> r.stateMachineArn(invalid)));
  }

  @Test
  void test_invalid_start_execution_input() {
    String arn = machine("rec-bad-input");
    assertAwsError("InvalidExecutionInput", "Invalid State Machine Execution Input: 'Unrecognized token 'not': was expecting "
        + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')'",
        () -> sfn.startExecution(r -> r.stateMachineArn(arn).input("not some json")));
    assertAwsError("InvalidExecutionInput", "Invalid State Machine Execution Input: 'Unexpected character (''' (code 39)): "
        + "was expecting double-quote to start field name'",
        () -> sfn.startExecution(r -> r.stateMachineArn(arn).input("{'not': 'json'")));
    assertAwsError("InvalidExecutionInput", "Invalid State Machine Execution Input: 'Invalid execution input.'",
        () -> sfn.startExecution(r -> r.stateMachineArn(arn).input("")));
  }

  @Test
  void test_create_update_state_machine_base_update_none() {
    String arn = machine("rec-update-none");
    assertAwsError("MissingRequiredParameter",
        "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified",
        () -> sfn.updateStateMachine(r -> r.stateMachineArn(arn)));
  }

  /** The ARN of a machine never created, beside one that is (the recordings' sm_nonexistent_arn). */
  private String nonexistentBeside(String name) {
    return machine(name).replace(name, name + "-never");
  }

  private static String noSuchMachine(String arn) {
    return "State Machine Does Not Exist: '" + arn + "'";
  }

  @Test
  void test_describe_nonexistent_sm() {
    String nonexistent = nonexistentBeside("rec-describe-gone");
    assertAwsError("StateMachineDoesNotExist", noSuchMachine(nonexistent), () -> sfn.describeStateMachine(r -> r.stateMachineArn(nonexistent)));
  }

  @Test
  void test_describe_invalid_arn_sm() {
    assertAwsError("InvalidArn", "Invalid Arn: 'Invalid ARN prefix: not_a_valid_arn'",
        () -> sfn.describeStateMachine(r -> r.stateMachineArn("not_a_valid_arn")));
  }

  @Test
  void test_list_execution_no_such_state_machine() {
    String nonexistent = nonexistentBeside("rec-list-gone");
    assertAwsError("StateMachineDoesNotExist", noSuchMachine(nonexistent), () -> sfn.listExecutions(r -> r.stateMachineArn(nonexistent)));
  }

  @Test
  void test_list_execution_invalid_arn() {
    assertAwsError("InvalidArn", "Invalid Arn: 'Invalid ARN prefix: invalid_state_machine_arn'",
        () -> sfn.listExecutions(r -> r.stateMachineArn("invalid_state_machine_arn")));
  }

  @Test
  void test_describe_execution_no_such_state_machine() {
    String arn = machine("rec-describe-exec-gone");
    String execution = sfn.startExecution(r -> r.stateMachineArn(arn)).executionArn();
    stack.await(execution);
    String invalid = execution.substring(0, execution.length() - 4) + "0000";
    assertAwsError("ExecutionDoesNotExist", "Execution Does Not Exist: '" + invalid + "'",
        () -> sfn.describeExecution(r -> r.executionArn(invalid)));
  }

  @Test
  void test_get_execution_history_no_such_execution() {
    String arn = machine("rec-history-gone");
    String execution = sfn.startExecution(r -> r.stateMachineArn(arn)).executionArn();
    String invalid = execution.substring(0, execution.length() - 4) + "0000";
    assertAwsError("ExecutionDoesNotExist", "Execution Does Not Exist: '" + invalid + "'",
        () -> sfn.getExecutionHistory(r -> r.executionArn(invalid)));
  }

  @Test
  void test_get_execution_history_invalid_arn() {
    assertAwsError("InvalidArn", "Invalid Arn: 'Invalid ARN prefix: invalid_state_machine_arn'",
        () -> sfn.getExecutionHistory(r -> r.executionArn("invalid_state_machine_arn")));
  }

  @Test
  void test_describe_execution_invalid_arn() {
    assertAwsError("InvalidArn", "Invalid Arn: 'Invalid ARN prefix: invalid_state_machine_arn'",
        () -> sfn.describeExecution(r -> r.executionArn("invalid_state_machine_arn")));
  }

  @Test
  void test_state_machine_status_filter() {
    String arn = machine("rec-status-filter");
    assertAwsError("ValidationException", "1 validation error detected: Value 'succeeded' at 'statusFilter' failed to satisfy "
        + "constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]",
        () -> sfn.listExecutions(r -> r.stateMachineArn(arn).statusFilter("succeeded")));
  }

  @Test
  void test_list_sms_pagination() {
    assertAwsError("ValidationException", "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: "
        + "Member must have value less than or equal to 1000", () -> sfn.listStateMachines(r -> r.maxResults(1001)));
    String token = "x".repeat(1025);
    assertAwsError("ValidationException", "1 validation error detected: Value '" + token + "' at 'nextToken' failed to satisfy "
        + "constraint: Member must have length less than or equal to 1024", () -> sfn.listStateMachines(r -> r.nextToken(token)));
  }

  @Test
  void test_list_executions_pagination() {
    String arn = machine("rec-list-pages");
    assertListExecutionsPageErrors(arn);
  }

  @Test
  void test_list_executions_versions_pagination() {
    String version = published("rec-list-version-pages") + ":1";
    assertListExecutionsPageErrors(version);
  }

  private void assertListExecutionsPageErrors(String arn) {
    assertAwsError("ValidationException", "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: "
        + "Member must have value less than or equal to 1000", () -> sfn.listExecutions(r -> r.stateMachineArn(arn).maxResults(1001)));
    String token = "x".repeat(3097);
    assertAwsError("ValidationException", "1 validation error detected: Value '" + token + "' at 'nextToken' failed to satisfy "
        + "constraint: Member must have length less than or equal to 3096",
        () -> sfn.listExecutions(r -> r.stateMachineArn(arn).nextToken(token)));
  }

  // test_sfn_api_versioning.py

  @Test
  void test_create_with_version_description_no_publish() {
    assertAwsError("ValidationException", "Version description can only be set when publish is true",
        () -> sfn.createStateMachine(r -> r.name("rec-version-description").definition(PASS).roleArn(ApiStack.ROLE)
            .versionDescription("HelloWorld!")));
  }

  @Test
  void test_update_state_machine() {
    String arn = machine("rec-update-version");
    publishRevision(arn, "BASE_PASS_RESULT-R1");
    String v2 = publishRevision(arn, "BASE_PASS_RESULT-R2");
    String r3 = PASS.replace("BASE_PASS_RESULT", "BASE_PASS_RESULT-R3");
    assertAwsError("StateMachineDoesNotExist", noSuchMachine(v2),
        () -> sfn.updateStateMachine(r -> r.stateMachineArn(v2).definition(r3)));
    assertAwsError("StateMachineDoesNotExist", noSuchMachine(v2),
        () -> sfn.updateStateMachine(r -> r.stateMachineArn(v2).definition(r3).publish(true)));
  }

  @Test
  void test_publish_state_machine_version() {
    String arn = machine("rec-publish-conflict");
    String r2 = sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition(PASS.replace("BASE_PASS_RESULT", "BASE_PASS_RESULT-R2")))
        .revisionId();
    sfn.publishStateMachineVersion(r -> r.stateMachineArn(arn).description("PublishedV2Description"));
    String r3 = sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition(PASS.replace("BASE_PASS_RESULT", "BASE_PASS_RESULT-R3")))
        .revisionId();
    assertAwsError("ConflictException", "Failed to publish the State Machine version for revision " + r2
        + ". The current State Machine revision is " + r3 + ".",
        () -> sfn.publishStateMachineVersion(r -> r.stateMachineArn(arn).revisionId(r2)));
  }

  // test_sfn_api_aliasing.py

  @Test
  void test_error_create_alias_with_state_machine_arn() {
    String arn = published("rec-alias-machine-arn");
    assertAwsError("ValidationException", "Routing configuration must contain state machine version ARNs. Received: [" + arn + "]",
        () -> sfn.createStateMachineAlias(r -> r.name("AliasName-a").description("create state machine alias description")
            .routingConfiguration(route(arn, 100))));
  }

  @Test
  void test_error_create_alias_not_idempotent() {
    String arn = published("rec-alias-not-idempotent");
    String v1 = arn + ":1";
    String v2 = publishRevision(arn, "Definition v1");
    sfn.createStateMachineAlias(r -> r.name("AliasName-b").description("create state machine alias description")
        .routingConfiguration(route(v1, 100)));
    String conflict = "Failed to create alias because an alias with the same name and a different routing configuration already exists.";
    assertAwsError("ConflictException", conflict, () -> sfn.createStateMachineAlias(r -> r.name("AliasName-b")
        .description("This is a different description").routingConfiguration(route(v1, 100))));
    assertAwsError("ConflictException", conflict, () -> sfn.createStateMachineAlias(r -> r.name("AliasName-b")
        .description("create state machine alias description").routingConfiguration(route(v1, 50), route(v2, 50))));
  }

  @Test
  void test_error_create_alias_invalid_router_configs() {
    String arn = published("rec-alias-routing");
    String v1 = arn + ":1";
    String v2 = publishRevision(arn, "Definition for version 0");
    String v3 = publishRevision(arn, "Definition for version 1");
    assertAwsError("ValidationException", "1 validation error detected: Value '[RoutingConfigurationListItem(stateMachineVersionArn="
        + v1 + ", weight=50), RoutingConfigurationListItem(stateMachineVersionArn=" + v2 + ", weight=30), "
        + "RoutingConfigurationListItem(stateMachineVersionArn=" + v3 + ", weight=20)]' at 'routingConfiguration' failed to satisfy "
        + "constraint: Member must have length less than or equal to 2",
        () -> sfn.createStateMachineAlias(r -> r.name("AliasName-c").routingConfiguration(route(v1, 50), route(v2, 30), route(v3, 20))));
    assertAwsError("ValidationException", "Routing configuration must contain distinct state machine version ARNs. Received: ["
        + v1 + ", " + v1 + "]",
        () -> sfn.createStateMachineAlias(r -> r.name("AliasName-c").routingConfiguration(route(v1, 50), route(v1, 50))));
    assertAwsError("ValidationException", "Routing configuration must contain state machine version ARNs. Received: ["
        + arn + ", " + v2 + "]",
        () -> sfn.createStateMachineAlias(r -> r.name("AliasName-c").routingConfiguration(route(arn, 70), route(v2, 30))));
    assertAwsError("ValidationException", "1 validation error detected: Value '101' at 'routingConfiguration.1.member.weight' "
        + "failed to satisfy constraint: Member must have value less than or equal to 100",
        () -> sfn.createStateMachineAlias(r -> r.name("AliasName-c").routingConfiguration(route(v1, 101))));
    assertAwsError("ValidationException", "Sum of routing configuration weights must equal 100. Received: [70, 29]",
        () -> sfn.createStateMachineAlias(r -> r.name("AliasName-c").routingConfiguration(route(v1, 70), route(v2, 29))));
    assertAwsError("ValidationException", "Sum of routing configuration weights must equal 100. Received: [70, 31]",
        () -> sfn.createStateMachineAlias(r -> r.name("AliasName-c").routingConfiguration(route(v1, 70), route(v2, 31))));
  }

  @Test
  void test_error_create_alias_invalid_name() {
    String v1 = published("rec-alias-names") + ":1";
    String pattern = "Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$";
    String tooLong = "A".repeat(81);
    for (String name : List.of("123", tooLong, "INVALID ALIAS", "!INVALID", "ALIAS@")) {
      String constraint = name.equals(tooLong) ? "Member must have length less than or equal to 80" : pattern;
      assertAwsError("ValidationException", "1 validation error detected: Value '" + name + "' at 'name' failed to satisfy constraint: "
          + constraint, () -> sfn.createStateMachineAlias(r -> r.name(name).description("create state machine alias description")
              .routingConfiguration(route(v1, 100))));
    }
  }

  @Test
  void test_delete_version_with_alias() {
    String arn = published("rec-alias-delete-version");
    String v2 = publishRevision(arn, "Definition v2");
    sfn.createStateMachineAlias(r -> r.name("state_machine_alias_name").description("create state machine alias description")
        .routingConfiguration(route(v2, 100)));
    assertAwsError("ConflictException", "Version to be deleted must not be referenced by an alias. Current list of aliases "
        + "referencing this version: [state_machine_alias_name]", () -> sfn.deleteStateMachineVersion(r -> r.stateMachineVersionArn(v2)));
  }

  @Test
  void test_update_no_such_alias_arn() {
    String v1 = published("rec-alias-update-gone") + ":1";
    String alias = sfn.createStateMachineAlias(r -> r.name("AliasName-d").description("create state machine alias description")
        .routingConfiguration(route(v1, 100))).stateMachineAliasArn();
    sfn.deleteStateMachineAlias(r -> r.stateMachineAliasArn(alias));
    assertAwsError("ResourceNotFound", "Request references a resource that does not exist.",
        () -> sfn.updateStateMachineAlias(r -> r.stateMachineAliasArn(alias).description("Updated state machine alias description")));
  }

  // test_sfn_api_activities.py

  @Test
  void test_create_activity_invalid_name() {
    assertAwsError("InvalidName", "Invalid Name: 'TestActivity InvalidName$'",
        () -> sfn.createActivity(r -> r.name("TestActivity InvalidName$")));
  }

  @Test
  void test_describe_deleted_activity() {
    String activity = sfn.createActivity(r -> r.name("rec-activity-describe")).activityArn();
    sfn.deleteActivity(r -> r.activityArn(activity));
    assertAwsError("ActivityDoesNotExist", "Activity Does Not Exist: '" + activity + "'",
        () -> sfn.describeActivity(r -> r.activityArn(activity)));
  }

  @Test
  void test_get_activity_task_deleted() {
    String activity = sfn.createActivity(r -> r.name("rec-activity-poll")).activityArn();
    sfn.deleteActivity(r -> r.activityArn(activity));
    assertAwsError("ActivityDoesNotExist", "Activity Does Not Exist: '" + activity + "'",
        () -> sfn.getActivityTask(r -> r.activityArn(activity)));
  }

  // test_sfn_api_express.py

  @Test
  void test_start_async_describe_history_execution() {
    String arn = sfn.createStateMachine(r -> r.name("rec-express-async").definition(PASS).roleArn(ApiStack.ROLE)
        .type(StateMachineType.EXPRESS)).stateMachineArn();
    String execution = sfn.startExecution(r -> r.stateMachineArn(arn).input("{}")).executionArn();
    String express = "Invalid Arn: 'Resource type not valid in this context: express'";
    assertAwsError("StateMachineTypeNotSupported", "This operation is not supported by this type of state machine",
        () -> sfn.listExecutions(r -> r.stateMachineArn(arn)));
    assertAwsError("InvalidArn", express, () -> sfn.describeExecution(r -> r.executionArn(execution)));
    assertAwsError("InvalidArn", express, () -> sfn.stopExecution(r -> r.executionArn(execution)));
    assertAwsError("InvalidArn", express, () -> sfn.getExecutionHistory(r -> r.executionArn(execution)));
  }

  private void assertExpressRefused(String name, String definition, String message) {
    assertAwsError("InvalidDefinition", "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: " + message + "'",
        () -> sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(ApiStack.ROLE).type(StateMachineType.EXPRESS)));
  }

  @Test
  void test_illegal_callbacks_SYNC() {
    assertExpressRefused("rec-express-sync", "{\"StartAt\": \"StartExecution\", \"States\": {\"StartExecution\": {\"Type\": \"Task\", "
        + "\"Resource\": \"arn:aws:states:::states:startExecution.sync\", \"Parameters\": {\"StateMachineArn\": \"arn:aws:states:"
        + "us-east-1:000000000000:stateMachine:child\"}, \"End\": true}}}",
        "Express state machine does not support '.sync' service integration at /States/StartExecution/Resource");
  }

  @Test
  void test_illegal_activity_task() {
    String activity = sfn.createActivity(r -> r.name("rec-express-activity")).activityArn();
    assertExpressRefused("rec-express-activity", "{\"StartAt\": \"ActivityTask\", \"States\": {\"ActivityTask\": {\"Type\": \"Task\", "
        + "\"Resource\": \"" + activity + "\", \"End\": true}}}",
        "Express state machine does not support Activity ARN at /States/ActivityTask/Resource");
  }

  // test_sfn_api_logs.py

  @Test
  void test_invalid_logging_configuration() {
    for (LogLevel level : List.of(LogLevel.ALL, LogLevel.FATAL, LogLevel.ERROR)) {
      assertAwsError("InvalidLoggingConfiguration", "Invalid Logging Configuration: Must specify exactly one Log Destination.",
          () -> sfn.createStateMachine(r -> r.name("rec-logging-" + level).definition(PASS).roleArn(ApiStack.ROLE)
              .loggingConfiguration(logging(level))));
    }
  }

  @Test
  void test_multiple_destinations() {
    assertAwsError("InvalidLoggingConfiguration", "Invalid Logging Configuration: Must specify exactly one Log Destination.",
        () -> sfn.createStateMachine(r -> r.name("rec-logging-two").definition(PASS).roleArn(ApiStack.ROLE)
            .loggingConfiguration(logging(LogLevel.ALL, "group-1", "group-2"))));
  }

  @Test
  void test_update_logging_configuration() {
    String arn = sfn.createStateMachine(r -> r.name("rec-logging-update").definition(PASS).roleArn(ApiStack.ROLE)
        .loggingConfiguration(logging(LogLevel.ALL, "group-1"))).stateMachineArn();
    String message = "Invalid Logging Configuration: Must specify exactly one Log Destination.";
    assertAwsError("InvalidLoggingConfiguration", message,
        () -> sfn.updateStateMachine(r -> r.stateMachineArn(arn).loggingConfiguration(logging(LogLevel.FATAL, "group-1", "group-2"))));
    assertAwsError("InvalidLoggingConfiguration", message,
        () -> sfn.updateStateMachine(r -> r.stateMachineArn(arn).loggingConfiguration(logging(LogLevel.ALL))));
  }

  // test_sfn_api_tagging.py

  @Test
  void test_tag_state_machine_version() {
    String version = sfn.publishStateMachineVersion(r -> r.stateMachineArn(machine("rec-tag-version"))).stateMachineVersionArn();
    assertAwsError("ResourceNotFound", "Resource not found: '" + version + "'",
        () -> sfn.tagResource(r -> r.resourceArn(version).tags(Tag.builder().key("key1").value("value1").build())));
  }
}
