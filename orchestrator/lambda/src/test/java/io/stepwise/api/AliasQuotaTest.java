package io.stepwise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.json.Json;
import io.stepwise.lambda.Runtime;
import io.stepwise.runtime.StateMachines;
import io.stepwise.runtime.StepQueue;
import io.stepwise.runtime.memory.InMemoryExecutionStore;
import io.stepwise.runtime.memory.InMemoryJoinStore;
import io.stepwise.runtime.memory.InMemoryStateMachineStore;
import io.stepwise.runtime.memory.InMemoryTokenStore;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/**
 * CreateStateMachineAlias's quota: "You can create up to 100 aliases for each state machine"
 * (API reference), refused with ServiceQuotaExceededException, HTTP 402 in the API's model; the
 * same request again stays idempotent at the limit, as floci-io/floci#3580 checks it. ConflictException
 * is HTTP 409 in the same model (aws-sdk-sfn CreateStateMachineAliasError).
 */
class AliasQuotaTest {
  private final StepFunctionsApi api = new StepFunctionsApi(
      new Runtime(new InMemoryExecutionStore(), new InMemoryTokenStore(), new InMemoryJoinStore(),
          new StateMachines(new InMemoryStateMachineStore()), new MemoryDocuments(),
          (StepQueue) null, call -> null, InstantSource.system(), Duration.ofSeconds(5)),
      new ApiConfig("us-east-1", "000000000000"));

  /** Version 1 of a new machine "m". */
  private String publishedVersion() {
    ApiResponse created = api.handle("AWSStepFunctions.CreateStateMachine", Json.write(Json.object().put("name", "m")
        .put("roleArn", "arn:aws:iam::000000000000:role/r").put("publish", true)
        .put("definition", "{\"StartAt\": \"D\", \"States\": {\"D\": {\"Type\": \"Pass\", \"End\": true}}}")));
    return Json.parse(created.body()).get("stateMachineVersionArn").asText();
  }

  private ApiResponse createAlias(String name, String versionArn) {
    return api.handle("AWSStepFunctions.CreateStateMachineAlias", Json.write(Json.object().put("name", name)
        .set("routingConfiguration", Json.array().add(Json.object().put("stateMachineVersionArn", versionArn).put("weight", 100)))));
  }

  @Test
  void givenAHundredAliases_whenAnotherIsCreated_thenServiceQuotaExceeded() {
    String versionArn = publishedVersion();
    String machineArn = versionArn.substring(0, versionArn.lastIndexOf(':'));
    for (int i = 1; i <= 100; i++) assertEquals(200, createAlias("Q-" + i, versionArn).status());

    ApiResponse refused = createAlias("Q-101", versionArn);
    assertEquals("ServiceQuotaExceededException", refused.errorType());
    assertEquals(402, refused.status());
    assertEquals(200, createAlias("Q-1", versionArn).status(), "the same request again is idempotent at the limit");

    assertEquals(200, api.handle("AWSStepFunctions.DeleteStateMachineAlias",
        Json.write(Json.object().put("stateMachineAliasArn", machineArn + ":Q-1"))).status());
    assertEquals(200, createAlias("Q-101", versionArn).status(), "a deleted alias frees its place");
  }

  @Test
  void givenAConflict_whenRefused_thenHttp409AsTheModelGivesIt() {
    String versionArn = publishedVersion();
    assertEquals(200, createAlias("PROD", versionArn).status());

    ApiResponse referenced = api.handle("AWSStepFunctions.DeleteStateMachineVersion",
        Json.write(Json.object().put("stateMachineVersionArn", versionArn)));
    assertEquals("ConflictException", referenced.errorType());
    assertEquals(409, referenced.status());
    assertEquals(400, createAlias("a b", versionArn).status(), "other client errors stay 400");
  }
}
