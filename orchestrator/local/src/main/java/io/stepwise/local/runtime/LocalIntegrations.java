package io.stepwise.local.runtime;

import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.aws.integrations.TaskCredentials;
import io.stepwise.aws.integrations.TaskInvokers;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.local.servers.AwsClients;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The registry's integrations against local servers: SQS on ElasticMQ, DynamoDB on dynalite, and
 * every other service on one endpoint the user names ({@code --aws-endpoint}: LocalStack,
 * moto_server), or on AWS itself ({@code --aws-endpoint aws}, with the default credential chain).
 */
public final class LocalIntegrations {
  /** The value of {@code --aws-endpoint} that means AWS itself. */
  public static final String REAL_AWS = "aws";
  static final String HOW = "start ./stepwise local with --aws-endpoint URL (LocalStack, moto_server) or --aws-endpoint aws";

  private LocalIntegrations() {}

  /**
   * @param servers local endpoints by service key ({@code sqs}, {@code dynamodb}, {@code s3}, ...)
   * @param awsEndpoint every other service, {@link #REAL_AWS}, or null for none
   */
  public static TaskInvoker invoker(TaskInvoker lambda, Map<String, URI> servers, String awsEndpoint, String region) {
    if (REAL_AWS.equals(awsEndpoint)) {
      return TaskInvokers.create(lambda, UrlConnectionHttpClient.create(), AwsEndpoints.aws(),
          TaskCredentials.fixed(DefaultCredentialsProvider.builder().build()), region);
    }
    URI fallback = awsEndpoint == null ? null : URI.create(awsEndpoint);
    return TaskInvokers.create(lambda, UrlConnectionHttpClient.create(),
        AwsEndpoints.local(new HashMap<>(servers), fallback, HOW), TaskCredentials.fixed(AwsClients.DUMMY_CREDENTIALS),
        region);
  }
}
