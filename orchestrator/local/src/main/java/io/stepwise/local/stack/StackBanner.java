package io.stepwise.local.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The text {@code ./stepwise local} prints once everything is up: where things are and what to type. */
final class StackBanner {
  /** The docs' payload (events/event.json), inline so the commands work from any directory. */
  static final String SEED_INPUT = "{\"max-depth\": 5, \"current-depth\": 0, \"error-rate\": 0.2}";

  private StackBanner() {}

  static String text(List<Path> templates, LocalStack.Endpoints endpoints, Map<String, List<String>> functions,
      Map<String, String> stateMachines, Map<String, String> schedules, List<String> apiEvents,
      List<String> eventRules) {
    // The AWS CLI is pointed at "localhost", as people type it; the server listens on 127.0.0.1.
    String api = "http://localhost:" + endpoints.api().getPort();
    StringBuilder out = new StringBuilder();
    out.append("Stepwise local stack from ")
        .append(String.join(", ", templates.stream().map(Path::toString).toList())).append('\n');
    line(out, "Console", api + "/");
    line(out, "Step Functions API", api);
    line(out, "Lambda (Invoke API)", endpoints.lambda() + "  functions: "
        + (functions.isEmpty() ? "none" : String.join(", ", functions.values().stream().flatMap(List::stream).toList())));
    line(out, "SQS (ElasticMQ)", endpoints.sqs() + "  queue: " + endpoints.queueUrl());
    line(out, "DynamoDB (dynalite)", endpoints.dynamoDb() + "  table: " + endpoints.table());
    line(out, "S3 (s3rver)", endpoints.s3() == null ? "the --aws-endpoint's" : endpoints.s3() + "  path-style, keys S3RVER/S3RVER");
    line(out, "EventBridge PutEvents", endpoints.events() + "  rules: "
        + (eventRules.isEmpty() ? "none" : String.join(", ", eventRules)));
    out.append("State machines:\n");
    if (stateMachines.isEmpty()) out.append("  (none in the template)\n");
    stateMachines.forEach((id, arn) -> line(out, id, arn));
    out.append("Schedules:\n");
    if (schedules.isEmpty()) out.append("  (none enabled)\n");
    schedules.forEach((id, expression) -> line(out, id, expression));
    if (!apiEvents.isEmpty()) {
      out.append("Api events (the request body is the execution's input):\n");
      apiEvents.forEach(url -> out.append("  ").append(url).append('\n'));
    }
    out.append("Try it (any credentials will do):\n");
    out.append("  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1\n");
    out.append("  aws stepfunctions --endpoint-url ").append(api).append(" list-state-machines\n");
    if (!stateMachines.isEmpty()) {
      String seed = stateMachines.values().iterator().next();
      out.append("  aws stepfunctions --endpoint-url ").append(api).append(" start-execution \\\n")
          .append("      --state-machine-arn ").append(seed).append(" \\\n")
          .append("      --input '").append(SEED_INPUT).append("'\n");
      out.append("  aws stepfunctions --endpoint-url ").append(api)
          .append(" describe-execution --execution-arn <executionArn printed by start-execution>\n");
    }
    out.append("Ctrl-C stops everything.\n");
    return out.toString();
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append("  ").append(String.format("%-24s", label)).append(value).append('\n');
  }
}
