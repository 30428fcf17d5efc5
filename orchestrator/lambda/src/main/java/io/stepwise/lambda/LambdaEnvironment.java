package io.stepwise.lambda;

import io.stepwise.aws.lambda.LambdaTaskInvoker;
import io.stepwise.aws.services.ServiceTaskInvoker;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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
    return Runtime.onAws(dynamo, sqs, new ServiceTaskInvoker(LambdaTaskInvoker.create(), sqs, dynamo), config);
  }
}
