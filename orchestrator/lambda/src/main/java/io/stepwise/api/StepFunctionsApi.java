package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import io.stepwise.lambda.Runtime;
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
 * <p>Operations: CreateStateMachine, UpdateStateMachine, DescribeStateMachine,
 * ListStateMachines, DeleteStateMachine, ValidateStateMachineDefinition, StartExecution,
 * StartSyncExecution, StopExecution, DescribeExecution, ListExecutions, GetExecutionHistory,
 * DescribeStateMachineForExecution, RedriveExecution, SendTaskSuccess, SendTaskFailure and
 * SendTaskHeartbeat. Any other is {@code UnknownOperationException}.
 */
public final class StepFunctionsApi {
  public static final String TARGET_PREFIX = "AWSStepFunctions.";

  private final Map<String, Function<Request, JsonNode>> operations = new TreeMap<>();

  public StepFunctionsApi(Runtime runtime, ApiConfig config) {
    StateMachineOps machines = new StateMachineOps(runtime.machines().store(), new Arns(config.region(), config.accountId()));
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
