package io.stepwise.lambda;

import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.aws.dynamodb.DynamoDbDocumentStore;
import io.stepwise.aws.logs.ExecutionLogWriter;
import io.stepwise.observability.JsonLog;
import io.stepwise.observability.MachineLogging;
import io.stepwise.observability.StepMetrics;
import io.stepwise.runtime.DocumentStore;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
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
import software.amazon.awssdk.services.sqs.SqsClient;

/** The runtime as a Lambda container builds it: clients on url-connection, settings from the environment. */
final class LambdaEnvironment {
  static final String METRICS_NAMESPACE_ENV = "STEPWISE_METRICS_NAMESPACE";
  /** The queue of Express executions' messages (template.yml's ExpressQueue); unset: the step queue. */
  static final String EXPRESS_QUEUE_ENV = "STEPWISE_EXPRESS_QUEUE_URL";

  private LambdaEnvironment() {}

  /** The runtime, what observes it, and the settings both were built from. */
  record Orchestrator(Runtime runtime, Observability observability, RuntimeConfig config) {}

  static Runtime runtime() {
    return orchestrator().runtime();
  }

  static Orchestrator orchestrator() {
    return orchestrator(RuntimeConfig.fromEnvironment(System.getenv()), System.getenv());
  }

  static Orchestrator orchestrator(RuntimeConfig config, Map<String, String> env) {
    DynamoDbClient dynamo = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    SqsClient sqs = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    String region = env.getOrDefault("AWS_REGION", "us-east-1");
    DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    // Tasks, and Distributed Maps' reads and writes, run as their state machine's role, never with
    // the orchestrator's own rights, which serve only to assume that role: one session cache for
    // both. Built on first use: the integrations' catalog is not the first transition's to load.
    var http = TaskInvokers.httpClient();
    TaskCredentials roles = TaskCredentials.lazy(() -> TaskInvokers.machineRoles(http, AwsEndpoints.aws(), credentials, region));
    TaskInvoker tasks = TaskInvoker.lazy(() -> TaskInvokers.create(http, AwsEndpoints.aws(), roles,
        OwnResources.of(config.table(), config.queueUrl(), env.get(EXPRESS_QUEUE_ENV)), region));
    var storage = new S3ObjectStorage(new AwsApiCaller(http, AwsEndpoints.aws()), roles, region);
    Observability observability = observability(env, new DynamoDbDocumentStore(dynamo, config.table()),
        new AwsApiCaller(TaskInvokers.httpClient(), AwsEndpoints.aws()), credentials);
    String expressQueue = env.get(EXPRESS_QUEUE_ENV);
    return new Orchestrator(Runtime.onAws(dynamo, sqs, storage, tasks, config, observability,
        expressQueue == null || expressQueue.isBlank() ? null : expressQueue, observability.expressHistory()), observability, config);
  }

  /**
   * Metrics as EMF lines on stdout (namespace {@code STEPWISE_METRICS_NAMESPACE}, {@code Stepwise}
   * by default; none when it is {@code off}), JSON log lines at {@code STEPWISE_LOG_LEVEL}
   * (INFO by default), and each machine's execution log where its loggingConfiguration says.
   */
  static Observability observability(Map<String, String> env, DocumentStore documents, AwsApiCaller aws,
      AwsCredentialsProvider credentials) {
    InstantSource clock = InstantSource.system();
    JsonLog log = new JsonLog(JsonLog.level(env.get(JsonLog.LEVEL_VARIABLE)), System.out::println, clock);
    String namespace = env.getOrDefault(METRICS_NAMESPACE_ENV, StepMetrics.DEFAULT_NAMESPACE);
    StepMetrics metrics = namespace.isBlank() || namespace.equals("off") ? null : new StepMetrics(namespace);
    return new Observability(metrics, System.out::println, log, new MachineLogging(documents, clock),
        new ExecutionLogWriter(aws, credentials, clock, Observability.warnings(log)), clock);
  }

  /** The API's access keys, read from the secret {@code secretId} and kept for a short while. */
  static AccessKeys.Source accessKeys(String secretId) {
    var secret = new SecretsManagerDocument(new AwsApiCaller(TaskInvokers.httpClient(), AwsEndpoints.aws()),
        DefaultCredentialsProvider.builder().build(), System.getenv().getOrDefault("AWS_REGION", "us-east-1"), secretId);
    return new SecretAccessKeys(secret, InstantSource.system());
  }
}
