package io.stepwise.lambda;

import io.stepwise.api.auth.AccessKeys;
import io.stepwise.api.auth.SecretAccessKeys;
import io.stepwise.api.auth.SecretsManagerDocument;
import io.stepwise.aws.lambda.LambdaTaskInvoker;
import io.stepwise.aws.services.ServiceTaskInvoker;
import java.time.InstantSource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The runtime as a Lambda container builds it: clients on url-connection, settings from the environment. */
final class LambdaEnvironment {
  private LambdaEnvironment() {}

  static Runtime runtime() {
    RuntimeConfig config = RuntimeConfig.fromEnvironment(System.getenv());
    DynamoDbClient dynamo = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    SqsClient sqs = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    return Runtime.onAws(dynamo, sqs, new ServiceTaskInvoker(LambdaTaskInvoker.create(), sqs, dynamo), config);
  }

  /** The API's access keys, read from the secret {@code secretId} and kept for a short while. */
  static AccessKeys.Source accessKeys(String secretId) {
    SecretsManagerClient secrets = SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    return new SecretAccessKeys(new SecretsManagerDocument(secrets, secretId), InstantSource.system());
  }
}
