package io.stepwise.local.runtime;

import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.aws.dynamodb.DynamoDbDocumentStore;
import io.stepwise.aws.integrations.TaskInvokers;
import io.stepwise.aws.logs.ExecutionLogWriter;
import io.stepwise.lambda.Observability;
import io.stepwise.local.servers.AwsClients;
import io.stepwise.observability.JsonLog;
import io.stepwise.observability.MachineLogging;
import java.net.URI;
import java.time.InstantSource;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local stack's observability: the orchestrator's JSON log lines at {@code STEPWISE_LOG_LEVEL}
 * on the stack's log, and, given {@code --aws-endpoint}, each machine's execution log written to
 * the CloudWatch Logs group its loggingConfiguration names, on that endpoint. No EMF metrics:
 * nothing reads them locally.
 */
public final class LocalObservability {
  private LocalObservability() {}

  /**
   * @param awsEndpoint {@link LocalIntegrations#REAL_AWS}, a URL (moto_server, LocalStack), or null
   *     to write no execution logs
   */
  public static Observability of(DynamoDbClient dynamo, String table, String awsEndpoint, Consumer<String> out) {
    InstantSource clock = InstantSource.system();
    JsonLog log = new JsonLog(JsonLog.level(System.getenv(JsonLog.LEVEL_VARIABLE)), out, clock);
    if (awsEndpoint == null) return new Observability(null, line -> {}, log, null, null, clock);
    boolean aws = LocalIntegrations.REAL_AWS.equals(awsEndpoint);
    AwsEndpoints endpoints = aws ? AwsEndpoints.aws() : AwsEndpoints.local(Map.of(), URI.create(awsEndpoint), LocalIntegrations.HOW);
    AwsCredentialsProvider credentials = aws ? DefaultCredentialsProvider.builder().build() : AwsClients.DUMMY_CREDENTIALS;
    ExecutionLogWriter writer = new ExecutionLogWriter(new AwsApiCaller(TaskInvokers.httpClient(), endpoints), credentials,
        clock, problem -> log.log(JsonLog.Level.WARN, problem, null));
    return new Observability(null, line -> {}, log, new MachineLogging(new DynamoDbDocumentStore(dynamo, table), clock),
        writer, clock);
  }
}
