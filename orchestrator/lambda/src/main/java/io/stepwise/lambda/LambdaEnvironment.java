package io.stepwise.lambda;

import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.aws.integrations.OwnResources;
import io.stepwise.aws.integrations.TaskCredentials;
import io.stepwise.aws.integrations.TaskInvokers;
import io.stepwise.aws.s3.S3ObjectStorage;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import io.stepwise.api.auth.AccessKeys;
import io.stepwise.api.auth.SecretAccessKeys;
import io.stepwise.api.auth.SecretsManagerDocument;
import java.time.InstantSource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The runtime as a Lambda container builds it: clients on url-connection, settings from the environment. */
final class LambdaEnvironment {
  private LambdaEnvironment() {}

  static Runtime runtime() {
    return runtime(RuntimeConfig.fromEnvironment(System.getenv()));
  }

  static Runtime runtime(RuntimeConfig config) {
    DynamoDbClient dynamo = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    SqsClient sqs = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
    // Tasks run as their state machine's role, never with the orchestrator's own rights, which
    // serve only to assume that role
    var http = TaskInvokers.httpClient();
    TaskCredentials roles = TaskInvokers.machineRoles(http, AwsEndpoints.aws(), DefaultCredentialsProvider.builder().build(),
        region);
    var tasks = TaskInvokers.create(http, AwsEndpoints.aws(), roles, OwnResources.of(config.table(), config.queueUrl()),
        region);
    // Distributed Maps read items and write results with the orchestrator's own credentials.
    var storage = new S3ObjectStorage(new AwsApiCaller(TaskInvokers.httpClient(), AwsEndpoints.aws()),
        DefaultCredentialsProvider.builder().build(), region);
    return Runtime.onAws(dynamo, sqs, storage, tasks, config);
  }

  /** The API's access keys, read from the secret {@code secretId} and kept for a short while. */
  static AccessKeys.Source accessKeys(String secretId) {
    SecretsManagerClient secrets = SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    return new SecretAccessKeys(new SecretsManagerDocument(secrets, secretId), InstantSource.system());
  }
}
