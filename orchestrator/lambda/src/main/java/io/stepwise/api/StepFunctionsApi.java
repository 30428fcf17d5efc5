package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import io.stepwise.aws.integrations.IntegrationTaskInvoker;
import io.stepwise.lambda.Runtime;
import io.stepwise.runtime.StateMachineStore;
import java.time.InstantSource;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The Step Functions API (JSON 1.0 protocol), transport-free: {@link #handle} takes the
 * operation named by {@code X-Amz-Target: AWSStepFunctions.<Operation>} and the JSON body, and
 * answers with a status, an error type and a JSON body. The local HTTP server and the Lambda
 * handler carry it; the AWS SDK's {@code SfnClient} and the AWS CLI speak it.
 *
 * <p>All 37 operations of the Step Functions API: state machines, their versions and aliases,
 * executions, callbacks, activities, tags, Map Runs and TestState. Any other is
 * {@code UnknownOperationException}.
 */
public final class StepFunctionsApi {
  public static final String TARGET_PREFIX = "AWSStepFunctions.";

  private final Map<String, Function<Request, JsonNode>> operations = new TreeMap<>();

  public StepFunctionsApi(Runtime runtime, ApiConfig config) {
    Arns arns = new Arns(config.region(), config.accountId());
    InstantSource clock = InstantSource.system();
    StateMachineStore store = runtime.machines().store();
    TagOps tags = new TagOps(runtime.documents(), store, runtime.activities());
    VersionOps versions = new VersionOps(store, runtime.versions(), runtime.aliases(), clock);
    AliasOps aliases = new AliasOps(store, runtime.versions(), runtime.aliases(), clock);
    StateMachineOps machines = new StateMachineOps(store, arns, versions, runtime.aliases(), tags,
        new MachineSettings(runtime.documents()));
    ActivityOps activities = new ActivityOps(runtime.activities(), tags, arns, config.syncTimeout());
    MapRunOps mapRuns = new MapRunOps(runtime.store(), runtime.joins(), runtime.worker().mapRuns());
    TestStateOps testState = new TestStateOps(runtime.tasks(), runtime.integrations() instanceof IntegrationTaskInvoker http
        ? http::exchange : TestStateOps.HttpTrace.NONE, clock);
    ExecutionOps executions = new ExecutionOps(runtime, config.syncTimeout());
    HistoryOps history = new HistoryOps(runtime.store());
    CallbackOps callbacks = new CallbackOps(runtime.callbacks());
    operations.put("CreateStateMachine", machines::create);
    operations.put("UpdateStateMachine", machines::update);
    operations.put("DescribeStateMachine", machines::describe);
    operations.put("ListStateMachines", machines::list);
    operations.put("DeleteStateMachine", machines::delete);
    operations.put("ValidateStateMachineDefinition", machines::validate);
    operations.put("StartExecution", executions::start);
    operations.put("StartSyncExecution", executions::startSync);
    operations.put("StopExecution", executions::stop);
    operations.put("DescribeExecution", executions::describe);
    operations.put("ListExecutions", executions::list);
    operations.put("DescribeStateMachineForExecution", executions::describeStateMachine);
    operations.put("RedriveExecution", executions::redrive);
    operations.put("GetExecutionHistory", history::history);
    operations.put("SendTaskSuccess", callbacks::success);
    operations.put("SendTaskFailure", callbacks::failure);
    operations.put("SendTaskHeartbeat", callbacks::heartbeat);
    operations.put("PublishStateMachineVersion", versions::publish);
    operations.put("ListStateMachineVersions", versions::list);
    operations.put("DeleteStateMachineVersion", versions::delete);
    operations.put("CreateStateMachineAlias", aliases::create);
    operations.put("DescribeStateMachineAlias", aliases::describe);
    operations.put("UpdateStateMachineAlias", aliases::update);
    operations.put("ListStateMachineAliases", aliases::list);
    operations.put("DeleteStateMachineAlias", aliases::delete);
    operations.put("CreateActivity", activities::create);
    operations.put("DescribeActivity", activities::describe);
    operations.put("ListActivities", activities::list);
    operations.put("DeleteActivity", activities::delete);
    operations.put("GetActivityTask", activities::getTask);
    operations.put("TagResource", tags::tag);
    operations.put("UntagResource", tags::untag);
    operations.put("ListTagsForResource", tags::list);
    operations.put("ListMapRuns", mapRuns::list);
    operations.put("DescribeMapRun", mapRuns::describe);
    operations.put("UpdateMapRun", mapRuns::update);
    operations.put("TestState", testState::test);
  }

  /**
   * @param target the {@code X-Amz-Target} header, {@code AWSStepFunctions.<Operation>}
   * @param jsonBody the request body; empty or null is {@code {}}
   */
  public ApiResponse handle(String target, String jsonBody) {
    String requestId = UUID.randomUUID().toString();
    return dispatch(target, jsonBody, requestId).withRequestId(requestId);
  }

  private ApiResponse dispatch(String target, String jsonBody, String requestId) {
    String operation = target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : null;
    Function<Request, JsonNode> op = operation == null ? null : operations.get(operation);
    if (op == null) {
      return ApiErrors.of("UnknownOperationException", "Unknown operation: '" + target + "'"
          + " (this API serves " + TARGET_PREFIX + "{" + String.join(", ", operations.keySet()) + "})");
    }
    JsonNode body;
    try {
      body = jsonBody == null || jsonBody.isBlank() ? Json.object() : Json.parse(jsonBody);
    } catch (IllegalArgumentException e) {
      return ApiErrors.of("SerializationException", "The request body is not valid JSON: " + e.getMessage());
    }
    if (!body.isObject()) return ApiErrors.of("SerializationException", "The request body must be a JSON object");
    try {
      return new ApiResponse(200, null, Json.write(op.apply(new Request(body))));
    } catch (RuntimeException e) {
      return ApiErrors.of(e, operation, requestId);
    }
  }

  /** The operations served, by name. */
  public Set<String> operations() {
    return Collections.unmodifiableSet(operations.keySet());
  }
}
