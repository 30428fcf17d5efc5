package io.stepwise.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.api.ApiConfig;
import io.stepwise.api.ApiErrors;
import io.stepwise.api.ApiResponse;
import io.stepwise.api.StepFunctionsApi;
import io.stepwise.json.Json;
import io.stepwise.runtime.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The Step Functions API behind SigV4: every request is authenticated ({@link SigV4Verifier})
 * and then authorised against its key's {@link Policy}, action {@code states:<Operation>} on the
 * resource the request names, as IAM would for Step Functions. Only then does the API see it.
 *
 * <p>The resource is the ARN the request acts on: the state machine CreateStateMachine would
 * create, else the first of the body's ARN members below; requests naming none (List
 * StateMachines, ValidateStateMachineDefinition, SendTask*) act on {@code *}.
 */
public final class SecuredApi {
  private static final List<String> ARN_MEMBERS =
      List.of("stateMachineArn", "executionArn", "mapRunArn", "resourceArn", "activityArn", "stateMachineAliasArn",
          "stateMachineVersionArn");

  private final StepFunctionsApi api;
  private final SigV4Verifier verifier;
  private final ApiConfig config;

  public SecuredApi(StepFunctionsApi api, SigV4Verifier verifier, ApiConfig config) {
    this.api = api;
    this.verifier = verifier;
    this.config = config;
  }

  public ApiResponse handle(HttpRequest request) {
    String target = request.header("x-amz-target");
    String body = new String(request.body(), StandardCharsets.UTF_8);
    try {
      AccessKeys.AccessKey key = verifier.verify(request);
      String operation = target != null && target.startsWith(StepFunctionsApi.TARGET_PREFIX)
          ? target.substring(StepFunctionsApi.TARGET_PREFIX.length()) : null;
      if (operation != null && api.operations().contains(operation)) authorize(key, operation, body);
    } catch (RuntimeException refused) { // an ApiException, or the keys could not be read
      String requestId = UUID.randomUUID().toString();
      return ApiErrors.of(refused, "authentication", requestId).withRequestId(requestId);
    }
    return api.handle(target, body);
  }

  private void authorize(AccessKeys.AccessKey key, String operation, String body) {
    String action = "states:" + operation;
    String resource = resource(operation, body);
    if (!key.policy().allows(action, resource)) {
      throw new ApiException("AccessDeniedException", "User: " + key.id() + " is not authorized to perform: " + action
          + " on resource: " + resource + " because no identity-based policy allows the " + action + " action");
    }
  }

  private String resource(String operation, String body) {
    JsonNode request;
    try {
      request = body.isBlank() ? Json.object() : Json.parse(body);
    } catch (IllegalArgumentException e) {
      return "*"; // the API answers SerializationException, if the key may call the operation at all
    }
    if (operation.equals("CreateStateMachine") && request.path("name").isTextual()) {
      return "arn:aws:states:" + config.region() + ":" + config.accountId() + ":stateMachine:" + request.get("name").asText();
    }
    if (operation.equals("CreateActivity") && request.path("name").isTextual()) {
      return "arn:aws:states:" + config.region() + ":" + config.accountId() + ":activity:" + request.get("name").asText();
    }
    for (String member : ARN_MEMBERS) {
      if (request.path(member).isTextual()) return request.get(member).asText();
    }
    return "*";
  }
}
