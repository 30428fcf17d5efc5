package io.stepwise.tests.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import io.stepwise.lambda.deploy.CustomResourceRequest;
import io.stepwise.lambda.deploy.CustomResourceResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomResourceResponseTest {
  private final CustomResourceRequest request = CloudFormationEvents.request("Create", null, Json.NODES.objectNode());

  @Test
  void givenSuccess_whenWritten_thenBodyEchoesTheRequestAndCarriesData() {
    String body = CustomResourceResponse.success(request, "arn:sm", Map.of("Arn", "arn:sm", "Name", "n")).toJson();

    assertEquals(Json.parse("""
        {"Status": "SUCCESS", "PhysicalResourceId": "arn:sm", "StackId": "%s", "RequestId": "req-Create",
         "LogicalResourceId": "RandomErrorStateMachine", "Data": {"Arn": "arn:sm", "Name": "n"}}
        """.formatted(CloudFormationEvents.STACK_ID)), Json.parse(body));
  }

  @Test
  void givenFailure_whenWritten_thenReasonIsThereAndNoData() {
    JsonNode body = Json.parse(CustomResourceResponse.failed(request, "id", "it broke").toJson());

    assertEquals("FAILED", body.get("Status").textValue());
    assertEquals("it broke", body.get("Reason").textValue());
    assertFalse(body.has("Data"));
  }

  @Test
  void givenFailureWithoutReason_whenWritten_thenReasonIsNotEmpty() {
    JsonNode body = Json.parse(CustomResourceResponse.failed(request, "id", " ").toJson());

    assertFalse(body.get("Reason").textValue().isBlank());
  }

  @Test
  void givenHugeMultibyteReason_whenWritten_thenBodyFitsIn4KbAndSaysItWasCut() {
    String reason = "problème ".repeat(2000);

    String body = CustomResourceResponse.failed(request, "id", reason).toJson();

    assertTrue(body.getBytes(StandardCharsets.UTF_8).length <= CustomResourceResponse.MAX_BODY_BYTES, body.length() + "");
    String cut = Json.parse(body).get("Reason").textValue();
    assertTrue(cut.startsWith("problème problème"));
    assertTrue(cut.endsWith("the function's log has it all)"));
  }
}
