package io.stepwise.lambda.deploy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.aws.dynamodb.DynamoDbStateMachineStore;
import io.stepwise.aws.integrations.TaskInvokers;
import io.stepwise.json.Json;
import io.stepwise.runtime.StateMachineStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Lambda behind {@code Custom::StepwiseStateMachine} in template.yml: declares a state machine
 * the way {@code AWS::Serverless::StateMachine} does (Definition, DefinitionSubstitutions), but
 * stores it in Stepwise's table. Handler:
 * {@code io.stepwise.lambda.deploy.StateMachineResource::handleRequest}; environment:
 * {@code STEPWISE_TABLE}.
 *
 * <p>CloudFormation waits (up to an hour) for a response PUT to the request's ResponseURL, so
 * this handler always sends one: failures, a missing table setting and running out of time
 * all become a FAILED response. The store is built on first use, not in the constructor, so even
 * a broken environment is reported instead of failing the function's start.
 */
public final class StateMachineResource implements RequestStreamHandler {
  private static final Duration MARGIN = Duration.ofSeconds(30);
  private static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);
  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(work -> {
    Thread thread = new Thread(work, "state-machine-resource");
    thread.setDaemon(true);
    return thread;
  });

  private final Supplier<StateMachineStore> store;
  private final Supplier<DefinitionFiles> files;
  private final ResponseSender sender;
  private final Duration budgetWithoutContext;
  private StateMachineDeployer deployer;

  /**
   * Lambda's constructor: the table named by STEPWISE_TABLE, DefinitionS3Location read from S3
   * with the function's own role, responses over HTTPS.
   */
  public StateMachineResource() {
    this(StateMachineResource::storeFromEnvironment, StateMachineResource::filesFromEnvironment,
        new HttpResponseSender(), DEFAULT_BUDGET);
  }

  public StateMachineResource(Supplier<StateMachineStore> store, ResponseSender sender) {
    this(store, sender, DEFAULT_BUDGET);
  }

  /** @param budgetWithoutContext how long the work may take when there is no Lambda context (tests) */
  public StateMachineResource(Supplier<StateMachineStore> store, ResponseSender sender, Duration budgetWithoutContext) {
    this(store, () -> DefinitionFiles.NONE, sender, budgetWithoutContext);
  }

  public StateMachineResource(Supplier<StateMachineStore> store, Supplier<DefinitionFiles> files, ResponseSender sender,
      Duration budgetWithoutContext) {
    this.store = store;
    this.files = files;
    this.sender = sender;
    this.budgetWithoutContext = budgetWithoutContext;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    JsonNode event = Json.mapper().readTree(input);
    CustomResourceRequest request = CustomResourceRequest.parse(event);
    log(context, "request " + redacted(event));
    if (request.responseUrl() == null) {
      throw new IllegalArgumentException("not a CloudFormation custom resource request: no ResponseURL");
    }
    CustomResourceResponse response = respond(request, budget(context));
    String body = response.toJson();
    log(context, "response " + body);
    sender.send(request.responseUrl(), body);
    output.write(body.getBytes(StandardCharsets.UTF_8));
  }

  /** The response, within {@code budget}; FAILED when the work throws or takes longer. */
  private CustomResourceResponse respond(CustomResourceRequest request, Duration budget) {
    Future<CustomResourceResponse> work = WORKERS.submit(() -> deployer().handle(request));
    try {
      return work.get(budget.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      work.cancel(true);
      return failed(request, request.requestType() + " did not finish within " + budget.toMillis() / 1000.0 + " s");
    } catch (ExecutionException e) {
      return CustomResourceResponse.failedBy(request, physicalId(request), request.requestType(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(request, request.requestType() + " was interrupted");
    }
  }

  private synchronized StateMachineDeployer deployer() {
    if (deployer == null) deployer = new StateMachineDeployer(store.get(), files.get());
    return deployer;
  }

  private static CustomResourceResponse failed(CustomResourceRequest request, String reason) {
    return CustomResourceResponse.failed(request, physicalId(request), reason);
  }

  private static String physicalId(CustomResourceRequest request) {
    return request.physicalResourceId() != null ? request.physicalResourceId()
        : "failed-" + request.logicalResourceId() + "-" + request.requestId();
  }

  /** What is left of the function's time, less a margin for sending the response. */
  private Duration budget(Context context) {
    if (context == null) return budgetWithoutContext;
    Duration left = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(MARGIN);
    return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
  }

  private static StateMachineStore storeFromEnvironment() {
    String table = System.getenv("STEPWISE_TABLE");
    if (table == null || table.isBlank()) {
      throw new IllegalStateException("environment variable STEPWISE_TABLE is not set (template.yml sets it)");
    }
    DynamoDbClient dynamo = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    return new DynamoDbStateMachineStore(dynamo, table);
  }

  private static DefinitionFiles filesFromEnvironment() {
    String region = System.getenv("AWS_REGION");
    return new S3DefinitionFiles(new AwsApiCaller(TaskInvokers.httpClient(), AwsEndpoints.aws()),
        DefaultCredentialsProvider.builder().build(), region == null ? "us-east-1" : region);
  }

  /** The event without its pre-signed URL, which grants a write to CloudFormation's bucket. */
  private static String redacted(JsonNode event) {
    if (!(event instanceof ObjectNode object)) return String.valueOf(event);
    ObjectNode copy = object.deepCopy();
    if (copy.has("ResponseURL")) copy.put("ResponseURL", "(redacted)");
    return Json.write(copy);
  }

  private static void log(Context context, String line) {
    if (context != null && context.getLogger() != null) context.getLogger().log(line + "\n");
    else System.out.println(line);
  }
}
