package io.stepwise.tests.api;

import io.stepwise.express.ExpressHistory;
import io.stepwise.api.ApiConfig;
import io.stepwise.api.StepFunctionsApi;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.json.Json;
import io.stepwise.local.api.LocalApiServer;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.tests.LocalAws;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A local runtime on ElasticMQ and dynalite, the Step Functions API server in front of it, and
 * the AWS SDK's own {@link SfnClient} pointed at that server with dummy credentials.
 */
public final class ApiStack implements AutoCloseable {
  public static final String ROLE = "arn:aws:iam::000000000000:role/stepwise";
  /** Task calls answer {"Payload": <the Payload parameter>}, like lambda:invoke of an echo function. */
  static final TaskInvoker ECHO = call -> TaskOutcome.success(Json.object().set("Payload", call.payload().path("Payload")));

  final LocalRuntime local;
  final LocalApiServer server;
  final SfnClient sfn;

  private ApiStack(LocalRuntime local, LocalApiServer server) {
    this.local = local;
    this.server = server;
    this.sfn = client(server.endpoint());
  }

  static ApiStack start(DynamoDbClient dynamo, SqsClient sqs, String name) {
    LocalRuntime local = LocalRuntime.start(dynamo, sqs, LocalAws.uniqueName(name), ECHO, new LocalRuntime.Options(1, 2, 2, 10));
    return new ApiStack(local, LocalApiServer.start(0, local.runtime()));
  }

  /** @param expressHistory where the runtime writes Express executions' histories */
  static ApiStack start(DynamoDbClient dynamo, SqsClient sqs, String name, ExpressHistory expressHistory) {
    LocalRuntime local = LocalRuntime.start(dynamo, sqs, LocalAws.uniqueName(name), ECHO, new LocalRuntime.Options(1, 2, 2, 10),
        expressHistory);
    return new ApiStack(local, LocalApiServer.start(0, local.runtime()));
  }

  /** @param holdFor how long StartSyncExecution and GetActivityTask may hold a request */
  static ApiStack start(DynamoDbClient dynamo, SqsClient sqs, String name, Duration holdFor) {
    LocalRuntime local = LocalRuntime.start(dynamo, sqs, LocalAws.uniqueName(name), ECHO, new LocalRuntime.Options(1, 2, 2, 10));
    return new ApiStack(local, LocalApiServer.start(0, new StepFunctionsApi(local.runtime(),
        new ApiConfig("us-east-1", "000000000000", holdFor))));
  }

  /** Another API server on the same runtime, with other settings. */
  LocalApiServer secondServer(Duration syncTimeout) {
    return LocalApiServer.start(0, new StepFunctionsApi(local.runtime(), new ApiConfig("us-east-1", "000000000000", syncTimeout)));
  }

  /**
   * An SfnClient for {@code endpoint}. Host prefix injection is off, since the SDK sends
   * StartSyncExecution to {@code sync-<host>}, a name that does not resolve locally.
   */
  public static SfnClient client(URI endpoint) {
    return SfnClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .httpClientBuilder(Apache5HttpClient.builder())
        .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
  }

  String createMachine(String name, String definition) {
    return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
  }

  /** Polls DescribeExecution until the execution has ended. */
  DescribeExecutionResponse await(String executionArn) {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(executionArn));
      if (described.status() != ExecutionStatus.RUNNING) return described;
      sleep(50);
    }
    throw new AssertionError(executionArn + " did not finish in 30 s");
  }

  /** Polls until the execution has taken its first transition (it waits in its first state). */
  void awaitStarted(String executionArn) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (local.runtime().store().load(executionArn).orElseThrow().seq() < 1) {
      if (System.currentTimeMillis() > deadline) throw new AssertionError(executionArn + " did not start");
      sleep(20);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    try (local; server; sfn) {
      // closes the client, then the server, then the runtime's pollers
    }
  }
}
