package io.stepwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.driver.ExecutionResult;
import io.stepwise.json.Json;
import org.junit.jupiter.api.Test;

/**
 * An aws-sdk Task as AWS names it: the integration is "aws-sdk:SERVICE" and the resource the API
 * action, in history (AWS-recorded test_aws_sdk_task_service: resourceType "aws-sdk:dynamodb",
 * resource "putItem") and in a States.DataLimitExceeded cause ("The state/task 'aws-sdk:s3'
 * returned a result with a size exceeding ...", quoted from AWS in
 * aws-samples/improve_public_speaking_skills_using_a_genai_based_virtual_assistant_with_amazon_bedrock#2
 * and jogold/cloudstructs#163).
 */
class AwsSdkResourceTest {
  private static final String GET_OBJECT = """
      {"StartAt": "Get", "States": {"Get": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject",
        "Parameters": {"Bucket": "b", "Key": "k"}, "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}], "End": true},
        "Caught": {"Type": "Pass", "End": true}}}""";

  @Test
  void history_namesTheSdkServiceAsTheResourceType_andTheActionAsTheResource() {
    TaskInvoker answers = call -> TaskOutcome.success(Json.parse("{\"Body\": \"hi\"}"));
    ExecutionResult result = EngineTestSupport.run(GET_OBJECT, "{}", answers);
    HistoryEvent scheduled = result.history().stream().filter(e -> e.type().equals("TaskScheduled")).findFirst().orElseThrow();
    assertEquals("aws-sdk:s3", scheduled.fullDetails().path("resourceType").asText());
    assertEquals("getObject", scheduled.fullDetails().path("resource").asText());
    HistoryEvent succeeded = result.history().stream().filter(e -> e.type().equals("TaskSucceeded")).findFirst().orElseThrow();
    assertEquals("aws-sdk:s3", succeeded.fullDetails().path("resourceType").asText());
  }

  @Test
  void aResultOverTheQuota_namesTheSdkServiceInTheCause() {
    TaskInvoker answers = call -> TaskOutcome.success(Json.object().put("Body", "x".repeat(262_145)));
    ExecutionResult result = EngineTestSupport.run(GET_OBJECT, "{}", answers);
    assertEquals(Json.parse("{\"Error\": \"States.DataLimitExceeded\", \"Cause\": \"The state/task 'aws-sdk:s3' returned "
        + "a result with a size exceeding the maximum number of bytes service limit.\"}"), result.output());
  }
}
