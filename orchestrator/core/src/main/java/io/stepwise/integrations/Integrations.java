package io.stepwise.integrations;

import static io.stepwise.integrations.IntegrationPattern.REQUEST_RESPONSE;
import static io.stepwise.integrations.IntegrationPattern.RUN_JOB;
import static io.stepwise.integrations.IntegrationPattern.RUN_JOB_2;
import static io.stepwise.integrations.IntegrationPattern.WAIT_FOR_TASK_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.integrations.Integration.AwsCall;
import io.stepwise.integrations.Integration.ResultShape;
import io.stepwise.integrations.aws.AwsOperation;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import io.stepwise.integrations.aws.Shapes;
import io.stepwise.integrations.http.HttpResults;
import io.stepwise.json.Json;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one registry of what a Task can call, read by the validator, the Lambda runtime and the
 * local stack. Adding an integration is one entry in {@link #ENTRIES}.
 */
public final class Integrations {
  private static final Set<IntegrationPattern> RESPONSE = EnumSet.of(REQUEST_RESPONSE);
  private static final Set<IntegrationPattern> CALLBACK = EnumSet.of(REQUEST_RESPONSE, WAIT_FOR_TASK_TOKEN);
  private static final Set<IntegrationPattern> JOB = EnumSet.of(REQUEST_RESPONSE, RUN_JOB);
  private static final Integration.Request AS_IS = Integration.Request.AS_IS;

  static final List<Integration> ENTRIES = List.of(
      new Integration("lambda", "invoke", CALLBACK, new Integration.LambdaInvoke()),
      new Integration("states", "startExecution", EnumSet.allOf(IntegrationPattern.class), new Integration.StartExecution()),
      aws("sqs", "sendMessage", CALLBACK, "sqs", "SQS", Integration.Request.of(OptimizedRequests::sqsSendMessage), ResultShape.RESPONSE_WITH_METADATA, null),
      aws("sns", "publish", CALLBACK, "sns", "SNS", Integration.Request.of(OptimizedRequests::snsPublish), ResultShape.RESPONSE_WITH_METADATA, null),
      new Integration("events", "putEvents", CALLBACK, new AwsCall("eventbridge", "putEvents",
          OptimizedRequests::eventsPutEvents, ResultShape.RESPONSE, null, "EventBridge", Integrations::failedEntries)),
      aws("dynamodb", "getItem", RESPONSE, "dynamodb", "DynamoDB", AS_IS, ResultShape.RESPONSE_WITH_METADATA, null),
      aws("dynamodb", "putItem", RESPONSE, "dynamodb", "DynamoDB", AS_IS, ResultShape.RESPONSE_WITH_METADATA, null),
      aws("dynamodb", "updateItem", RESPONSE, "dynamodb", "DynamoDB", AS_IS, ResultShape.RESPONSE_WITH_METADATA, null),
      aws("dynamodb", "deleteItem", RESPONSE, "dynamodb", "DynamoDB", AS_IS, ResultShape.RESPONSE_WITH_METADATA, null),
      aws("bedrock", "invokeModel", RESPONSE, "bedrockruntime", "Bedrock", AS_IS, ResultShape.JSON_BODY, null),
      aws("batch", "submitJob", JOB, "batch", "Batch", AS_IS, ResultShape.RESPONSE, Jobs.BATCH),
      new Integration("ecs", "runTask", EnumSet.of(REQUEST_RESPONSE, RUN_JOB, WAIT_FOR_TASK_TOKEN), new AwsCall("ecs", "runTask",
          AS_IS, ResultShape.RESPONSE_WITH_METADATA, Jobs.ECS, "ECS", Integrations::ecsFailures)),
      aws("glue", "startJobRun", JOB, "glue", "Glue", AS_IS, ResultShape.RESPONSE, Jobs.GLUE),
      aws("athena", "startQueryExecution", JOB, "athena", "Athena", AS_IS, ResultShape.RESPONSE, Jobs.ATHENA),
      // Request-response only, as the developer guide's connect-athena and connect-codebuild tables give them.
      aws("athena", "stopQueryExecution", RESPONSE, "athena", "Athena", AS_IS, ResultShape.RESPONSE, null),
      aws("athena", "getQueryExecution", RESPONSE, "athena", "Athena", AS_IS, ResultShape.RESPONSE, null),
      aws("athena", "getQueryResults", RESPONSE, "athena", "Athena", AS_IS, ResultShape.RESPONSE, null),
      aws("codebuild", "startBuild", JOB, "codebuild", "CodeBuild", AS_IS, ResultShape.RESPONSE, Jobs.CODEBUILD),
      aws("codebuild", "stopBuild", RESPONSE, "codebuild", "CodeBuild", AS_IS, ResultShape.RESPONSE, null),
      aws("codebuild", "batchGetReports", RESPONSE, "codebuild", "CodeBuild", AS_IS, ResultShape.RESPONSE, null),
      aws("codebuild", "stopBuildBatch", RESPONSE, "codebuild", "CodeBuild", AS_IS, ResultShape.RESPONSE, null),
      // .sync of these two waits on a build batch, which Stepwise does not poll yet.
      aws("codebuild", "startBuildBatch", RESPONSE, "codebuild", "CodeBuild", AS_IS, ResultShape.RESPONSE, null),
      aws("codebuild", "retryBuildBatch", RESPONSE, "codebuild", "CodeBuild", AS_IS, ResultShape.RESPONSE, null),
      new Integration("apigateway", "invoke", CALLBACK,
          new Integration.Http(HttpResults.Style.API_GATEWAY, List.of("ApiEndpoint", "Method"))),
      new Integration("http", "invoke", RESPONSE, new Integration.Http(HttpResults.Style.HTTPS,
          List.of("ApiEndpoint", "Method", "Authentication.ConnectionArn|InvocationConfig.ConnectionArn"))));

  /** Activities are named by ARN, not SERVICE:ACTION: one entry stands for them all. */
  static final Integration ACTIVITY = new Integration("activity", "NAME", EnumSet.of(WAIT_FOR_TASK_TOKEN), new Integration.Activity());
  private static final Pattern ACTIVITY_NAME = Pattern.compile("activity:[^:\\s]{1,80}");

  private static final Map<String, Integration> BY_NAME = ENTRIES.stream()
      .collect(Collectors.toMap(i -> i.service() + ":" + i.action(), i -> i, (a, b) -> a, LinkedHashMap::new));
  // Region and account are not checked: AWS takes a template's placeholders (AWS-recorded TestState of
  // arn:aws:lambda:your-region:your-account-id:function:yourHelloWorldFunction); the call names a real one.
  private static final Pattern FUNCTION_ARN =
      Pattern.compile("arn:aws[a-z-]*:lambda:[^:\\s]+:[^:\\s]+:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?");
  private static final Pattern STATES_ARN = Pattern.compile("arn:aws[a-z-]*:states:([a-z0-9-]*):(\\d{12})?:(.+)");

  /** The {@code aws-sdk} integration: request-response or a task token, as in Step Functions. */
  static final Set<IntegrationPattern> AWS_SDK_PATTERNS = CALLBACK;

  private final AwsServiceCatalog catalog;

  public Integrations(AwsServiceCatalog catalog) {
    this.catalog = catalog;
  }

  /** The registry with every service of this jar's catalog. */
  public static Integrations standard() {
    return new Integrations(AwsServiceCatalog.standard());
  }

  /** What a Task's resource calls, and in which pattern. */
  public record Target(Integration integration, IntegrationPattern pattern) {}

  /** The integration a resource ARN names, or the reason Stepwise cannot run it. */
  public sealed interface Lookup {
    record Found(Target target) implements Lookup {}

    record Refused(String reason) implements Lookup {}
  }

  public Lookup lookup(String resource) {
    if (FUNCTION_ARN.matcher(resource).matches()) {
      return new Lookup.Found(new Target(BY_NAME.get("lambda:invoke"), REQUEST_RESPONSE));
    }
    var arn = STATES_ARN.matcher(resource);
    if (!arn.matches()) return refused(resource, "it is neither a Lambda function ARN nor an arn:aws:states::: integration");
    String tail = arn.group(3);
    if (tail.startsWith("activity:")) {
      if (arn.group(1).isEmpty() || arn.group(2) == null || !ACTIVITY_NAME.matcher(tail).matches()) {
        return refused(resource, "an activity is named arn:aws:states:REGION:ACCOUNT:activity:NAME");
      }
      return new Lookup.Found(new Target(ACTIVITY, WAIT_FOR_TASK_TOKEN));
    }
    int dot = tail.indexOf('.');
    String suffix = dot < 0 ? "" : tail.substring(dot + 1); // "sync:2" keeps its colon
    String[] parts = (dot < 0 ? tail : tail.substring(0, dot)).split(":");
    Optional<IntegrationPattern> pattern = IntegrationPattern.fromSuffix(suffix);
    if (pattern.isEmpty()) return refused(resource, "'." + suffix + "' is not a service integration pattern");
    if (parts[0].equals("aws-sdk")) return awsSdk(resource, parts, pattern.get());
    if (parts.length != 2) return refused(resource, "it is not of the form arn:aws:states:::SERVICE:ACTION");
    Integration integration = BY_NAME.get(parts[0] + ":" + parts[1]);
    if (integration == null) return refused(resource, "'" + parts[0] + ":" + parts[1] + "' is not an integration Stepwise runs");
    if (!integration.patterns().contains(pattern.get())) {
      return refused(resource, parts[0] + ":" + parts[1] + " supports " + describe(integration.patterns()));
    }
    return new Lookup.Found(new Target(integration, pattern.get()));
  }

  private Lookup awsSdk(String resource, String[] parts, IntegrationPattern pattern) {
    if (parts.length != 3) return refused(resource, "it is not of the form arn:aws:states:::aws-sdk:SERVICE:ACTION");
    Optional<AwsService> service = catalog.service(parts[1]);
    if (service.isEmpty()) return refused(resource, "the AWS SDK has no service named '" + parts[1] + "'");
    if (service.get().operation(parts[2]).isEmpty()) {
      return refused(resource, "the service '" + parts[1] + "' has no action named '" + parts[2] + "'");
    }
    if (UnsupportedSdkActions.contains(parts[1], parts[2])) {
      return refused(resource, "Step Functions does not support the action '" + parts[2] + "' of '" + parts[1] + "'");
    }
    if (!AWS_SDK_PATTERNS.contains(pattern)) {
      return refused(resource, "aws-sdk integrations support " + describe(AWS_SDK_PATTERNS));
    }
    Integration integration = new Integration("aws-sdk", parts[1] + ":" + parts[2], AWS_SDK_PATTERNS,
        new AwsCall(parts[1], parts[2], blobPayloadAsJson(service.get().operation(parts[2]).get()),
            ResultShape.RESPONSE, null, null, Integration.ResponseCheck.NONE));
    return new Lookup.Found(new Target(integration, pattern));
  }

  /**
   * The aws-sdk integration sends a blob payload (S3 PutObject's Body, InvokeModel's Body) as the
   * JSON text of its value, a string included: AWS's ETags for putObject Bodies "text data",
   * {"Dict":"Value"}, ["List","Data"], false and 0 are the MD5s of "\"text data\"",
   * {"Dict":"Value"}, ["List","Data"], false and 0. Non-strings already travel as their JSON
   * text, so only a string changes: it is given as its JSON text (quotes and escapes).
   */
  static Integration.Request blobPayloadAsJson(AwsOperation operation) {
    String member = operation.payloadMember(operation.input());
    if (member == null || !operation.input().get(member).name().equals("blob")) return AS_IS;
    return Integration.Request.of(parameters -> {
      if (parameters == null || !parameters.isObject()) return parameters;
      String key = parameters.has(member) ? member : Shapes.pascal(member);
      JsonNode value = parameters.get(key);
      if (value == null || !value.isTextual()) return parameters;
      ObjectNode quoted = parameters.deepCopy();
      quoted.put(key, Json.write(value));
      return quoted;
    });
  }

  /** Every optimized integration, for messages and documentation: {@code sns:publish[.waitForTaskToken]}, ... */
  public static String summary() {
    return ENTRIES.stream().map(i -> i.service() + ":" + i.action() + patternsSuffix(i.patterns()))
        .collect(Collectors.joining(", ")) + ", aws-sdk:SERVICE:ACTION[.waitForTaskToken], Lambda function ARNs, "
        + "activity ARNs";
  }

  private static String patternsSuffix(Set<IntegrationPattern> patterns) {
    String others = patterns.stream().filter(p -> p != REQUEST_RESPONSE).map(p -> "." + p.suffix())
        .collect(Collectors.joining("|"));
    return others.isEmpty() ? "" : "[" + others + "]";
  }

  private static String describe(Set<IntegrationPattern> patterns) {
    return patterns.stream().map(p -> p == REQUEST_RESPONSE ? "request-response" : "." + p.suffix())
        .collect(Collectors.joining(", "));
  }

  /** A non-zero FailedEntryCount fails events:putEvents (developer guide, connect-eventbridge). */
  private static String failedEntries(JsonNode response, IntegrationPattern pattern) {
    return response.path("FailedEntryCount").asInt(0) > 0 ? "EventBridge.FailedEntry" : null;
  }

  /** Failures fail ecs:runTask, except request-response, which returns them (developer guide, connect-ecs). */
  private static String ecsFailures(JsonNode response, IntegrationPattern pattern) {
    return pattern != REQUEST_RESPONSE && !response.path("Failures").isEmpty() ? "AmazonECS.Unknown" : null;
  }

  private static Lookup refused(String resource, String why) {
    return new Lookup.Refused("Resource '" + resource + "' is not supported by Stepwise: " + why);
  }

  private static Integration aws(String service, String action, Set<IntegrationPattern> patterns, String sdkService,
      String errorPrefix, Integration.Request request, ResultShape result, JobPoll job) {
    return new Integration(service, action, patterns, new AwsCall(sdkService, action, request, result, job, errorPrefix,
        Integration.ResponseCheck.NONE));
  }
}
