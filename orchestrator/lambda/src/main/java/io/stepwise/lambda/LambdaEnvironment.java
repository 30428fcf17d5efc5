package io.stepwise.lambda;

import io.stepwise.express.ExpressHistory;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.aws.integrations.OwnResources;
import io.stepwise.aws.integrations.TaskCredentials;
import io.stepwise.aws.integrations.TaskInvokers;
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
  /** The queue of Express executions' messages (template.yml's ExpressQueue); unset: the step queue. */
  static final String EXPRESS_QUEUE_ENV = "STEPWISE_EXPRESS_QUEUE_URL";

  private LambdaEnvironment() {}

  static Runtime runtime() {
    return runtime(RuntimeConfig.fromEnvironment(System.getenv()));
  }

  static Runtime runtime(RuntimeConfig config) {
    DynamoDbClient dynamo = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    SqsClient sqs = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
    var tasks = TaskInvokers.create(TaskInvokers.httpClient(), AwsEndpoints.aws(),
        TaskCredentials.fixed(DefaultCredentialsProvider.builder().build()), OwnResources.of(config.table(), config.queueUrl()),
        region);
    String expressQueue = System.getenv(EXPRESS_QUEUE_ENV);
    return Runtime.onAws(dynamo, sqs, tasks, config, expressQueue == null || expressQueue.isBlank() ? null : expressQueue,
        ExpressHistory.NONE);
  }

  /** The API's access keys, read from the secret {@code secretId} and kept for a short while. */
  static AccessKeys.Source accessKeys(String secretId) {
    SecretsManagerClient secrets = SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    return new SecretAccessKeys(new SecretsManagerDocument(secrets, secretId), InstantSource.system());
  }
}
