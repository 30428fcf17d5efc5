package io.stepwise.tests.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.aws.integrations.TaskInvokers;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import io.stepwise.json.Json;
import io.stepwise.lambda.deploy.CustomResourceResponse;
import io.stepwise.lambda.deploy.S3DefinitionFiles;
import io.stepwise.lambda.deploy.StateMachineDeployer;
import io.stepwise.local.servers.MotoServer;
import io.stepwise.runtime.memory.InMemoryStateMachineStore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A SAM DefinitionUri on deploy: {@code sam deploy} uploads the file, the macro passes its S3
 * location, and the custom resource reads it from S3 (here moto_server's) with GetObject.
 */
class DefinitionUriOnDeployTest {
  @Test
  void givenTheDefinitionFileSamUploaded_whenTheMachineIsCreated_thenItIsReadFromS3() throws Exception {
    assumeTrue(MotoServer.locate().isPresent(), "moto_server is not installed (pip install 'moto[server]'): skipped");
    try (MotoServer moto = MotoServer.start()) {
      AwsApiCaller aws = new AwsApiCaller(TaskInvokers.httpClient(), AwsEndpoints.local(Map.of("s3", moto.endpoint()), null, ""));
      StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"));
      AwsService s3 = AwsServiceCatalog.standard().service("s3").orElseThrow();
      aws.call(s3, s3.operation("createBucket").orElseThrow(), Json.parse("{\"Bucket\": \"artifacts\"}"),
          credentials.resolveCredentials(), "us-east-1");
      aws.call(s3, s3.operation("putObject").orElseThrow(), Json.parse("{\"Bucket\": \"artifacts\", \"Key\": \"abc.yaml\","
          + " \"Body\": \"StartAt: P\\nStates:\\n  P: {Type: Pass, Result: 42, End: true}\\n\"}"),
          credentials.resolveCredentials(), "us-east-1");
      InMemoryStateMachineStore store = new InMemoryStateMachineStore();
      StateMachineDeployer deployer = new StateMachineDeployer(store, new S3DefinitionFiles(aws, credentials, "us-east-1"));
      ObjectNode properties = StateMachineDeployerTest.properties("unused");
      properties.remove("Definition");
      properties.set("DefinitionS3Location", Json.parse("{\"Bucket\": \"artifacts\", \"Key\": \"abc.yaml\"}"));

      CustomResourceResponse created = deployer.handle(CloudFormationEvents.request("Create", null, properties));

      assertEquals(CustomResourceResponse.SUCCESS, created.status(), created.reason());
      JsonNode stored = Json.parse(store.latest(created.physicalResourceId()).orElseThrow().definition());
      assertEquals(42, stored.at("/States/P/Result").intValue());

      properties.set("DefinitionS3Location", Json.parse("{\"Bucket\": \"artifacts\", \"Key\": \"gone.yaml\"}"));
      CustomResourceResponse missing = deployer.handle(CloudFormationEvents.request("Create", null, properties));
      assertEquals(CustomResourceResponse.FAILED, missing.status());
      assertTrue(missing.reason().contains("s3://artifacts/gone.yaml") && missing.reason().contains("NoSuchKey"),
          missing.reason());
    }
  }
}
