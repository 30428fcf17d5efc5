package io.stepwise.local.runtime;

import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.aws.lambda.LambdaTaskInvoker;
import io.stepwise.aws.integrations.OwnResources;
import io.stepwise.aws.integrations.TaskCredentials;
import io.stepwise.aws.integrations.TaskInvokers;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.local.servers.AwsClients;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

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

  /** Only Lambda, on a local host (tests of the Lambda invoker). */
  public static LambdaTaskInvoker lambda(URI endpoint, String region) {
    return new LambdaTaskInvoker(new AwsApiCaller(TaskInvokers.httpClient(),
        AwsEndpoints.local(Map.of("lambda", endpoint), null, HOW)), TaskCredentials.fixed(AwsClients.DUMMY_CREDENTIALS), region);
  }

  /**
   * @param servers local endpoints by service key ({@code lambda}, {@code sqs}, {@code dynamodb}, ...)
   * @param awsEndpoint every other service, {@link #REAL_AWS}, or null for none
   * @param runtimeName the local runtime's name: its table and step queue, which no Task may reach
   */
  public static TaskInvoker invoker(Map<String, URI> servers, String awsEndpoint, String region, String runtimeName) {
    OwnResources own = new OwnResources(runtimeName, runtimeName);
    if (REAL_AWS.equals(awsEndpoint)) {
      return TaskInvokers.create(TaskInvokers.httpClient(), AwsEndpoints.aws(),
          TaskCredentials.fixed(DefaultCredentialsProvider.builder().build()), own, region);
    }
    AwsEndpoints endpoints = AwsEndpoints.local(new HashMap<>(servers), awsEndpoint == null ? null : URI.create(awsEndpoint),
        HOW);
    var http = TaskInvokers.httpClient();
    // IAM is not enforced by the local servers: without an endpoint, Tasks sign with dummy keys.
    // An endpoint (moto_server, LocalStack) serves STS, so Tasks assume the machine's role there,
    // as on AWS.
    TaskCredentials credentials = awsEndpoint == null ? TaskCredentials.fixed(AwsClients.DUMMY_CREDENTIALS)
        : TaskInvokers.machineRoles(http, endpoints, AwsClients.DUMMY_CREDENTIALS, region);
    return TaskInvokers.create(http, endpoints, credentials, own, region);
  }
}
