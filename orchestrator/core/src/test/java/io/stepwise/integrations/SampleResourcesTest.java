package io.stepwise.integrations;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Task resources found in AWS's public sample workflows (the serverless workflows collection:
 * saga, human-in-the-loop, circuit breaker, pagination loop, DynamoDB transfer, Redshift unload,
 * EC2 isolation, celebrity identifier, Batch, Bedrock, EventBridge): every one resolves.
 */
class SampleResourcesTest {
  private final Integrations integrations = Integrations.standard();

  @Test
  void everyResourceOfTheSamples_resolves() {
    for (String resource : List.of(
        "arn:aws:states:::lambda:invoke", "arn:aws:states:::sns:publish", "arn:aws:states:::sns:publish.waitForTaskToken",
        "arn:aws:states:::events:putEvents", "arn:aws:states:::events:putEvents.waitForTaskToken",
        "arn:aws:states:::dynamodb:putItem", "arn:aws:states:::batch:submitJob.sync", "arn:aws:states:::bedrock:invokeModel",
        "arn:aws:states:::aws-sdk:sfn:listExecutions", "arn:aws:states:::aws-sdk:dynamodb:scan",
        "arn:aws:states:::aws-sdk:redshiftdata:executeStatement", "arn:aws:states:::aws-sdk:redshiftdata:describeStatement",
        "arn:aws:states:::aws-sdk:s3:getObject", "arn:aws:states:::aws-sdk:rekognition:recognizeCelebrities",
        "arn:aws:states:::aws-sdk:ec2:describeInstances", "arn:aws:states:::aws-sdk:ec2:modifyInstanceAttribute",
        "arn:aws:states:::aws-sdk:ec2:createSnapshot", "arn:aws:states:::aws-sdk:autoscaling:describeAutoScalingInstances",
        "arn:aws:states:::aws-sdk:autoscaling:detachInstances", "arn:aws:states:::athena:startQueryExecution.sync",
        "arn:aws:states:::glue:startJobRun.sync", "arn:aws:states:::ecs:runTask.sync", "arn:aws:states:::codebuild:startBuild.sync",
        "arn:aws:states:::aws-sdk:secretsmanager:getSecretValue", "arn:aws:states:::aws-sdk:ssm:getParameter",
        "arn:aws:states:::aws-sdk:cloudwatch:putMetricData", "arn:aws:states:::aws-sdk:bedrockruntime:invokeModel",
        "arn:aws:states:::aws-sdk:sfn:startExecution.waitForTaskToken", "arn:aws:states:::states:startExecution.sync:2",
        "arn:aws:states:::apigateway:invoke", "arn:aws:states:::apigateway:invoke.waitForTaskToken",
        "arn:aws:states:::http:invoke", "arn:aws:states:::athena:getQueryResults",
        "arn:aws:states:::athena:getQueryExecution", "arn:aws:states:::athena:stopQueryExecution",
        "arn:aws:states:::codebuild:stopBuild")) {
      var lookup = integrations.lookup(resource);
      assertInstanceOf(Integrations.Lookup.Found.class, lookup, () -> resource + ": " + lookup);
    }
  }

  @Test
  void whatStepwiseCannotRunYet_isRefusedNamingIt() {
    for (String resource : List.of("arn:aws:states:::http:invoke.waitForTaskToken",
        "arn:aws:states:::glue:startJobRun.waitForTaskToken", "arn:aws:states:::codebuild:startBuildBatch.sync")) {
      var refused = assertInstanceOf(Integrations.Lookup.Refused.class, integrations.lookup(resource));
      assertTrue(refused.reason().contains(resource), refused.reason());
    }
  }
}
