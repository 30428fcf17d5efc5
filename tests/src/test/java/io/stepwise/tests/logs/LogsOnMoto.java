package io.stepwise.tests.logs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsApiException;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.aws.integrations.TaskInvokers;
import io.stepwise.aws.logs.ExecutionLogWriter;
import io.stepwise.integrations.aws.AwsService;
import io.stepwise.integrations.aws.AwsServiceCatalog;
import io.stepwise.json.Json;
import io.stepwise.local.servers.AwsClients;
import io.stepwise.local.servers.MotoServer;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * CloudWatch Logs on a moto_server of its own, called through the protocol-level caller: groups,
 * and reading events back.
 */
final class LogsOnMoto implements BeforeAllCallback, AfterAllCallback {
  static final String REGION = "us-east-1";
  private final AwsService logs = AwsServiceCatalog.standard().service("cloudwatchlogs").orElseThrow();
  private MotoServer moto;
  private AwsApiCaller aws;

  /** Starts moto_server before the class's tests, which are skipped where it is not installed. */
  @Override
  public void beforeAll(ExtensionContext context) {
    assumeTrue(MotoServer.locate().isPresent(), "moto_server is not installed (pip install 'moto[server]'): skipped");
    moto = MotoServer.start();
    aws = new AwsApiCaller(TaskInvokers.httpClient(), AwsEndpoints.local(Map.of(), moto.endpoint(), "moto"));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (moto != null) moto.close();
  }

  ExecutionLogWriter writer(Consumer<String> problems) {
    return new ExecutionLogWriter(aws, AwsClients.DUMMY_CREDENTIALS, InstantSource.system(), problems);
  }

  /** Creates the group; returns its ARN as a loggingConfiguration names it. */
  String createGroup(String name) {
    call("createLogGroup", Json.object().put("LogGroupName", name));
    return "arn:aws:logs:" + REGION + ":123456789012:log-group:" + name + ":*";
  }

  /** Every event in the group, oldest first, each message parsed. */
  List<JsonNode> messages(String group) {
    List<JsonNode> messages = new ArrayList<>();
    for (JsonNode event : call("filterLogEvents", Json.object().put("LogGroupName", group)).path("Events")) {
      messages.add(Json.parse(event.path("Message").asText()));
    }
    return messages;
  }

  List<String> streams(String group) {
    List<String> names = new ArrayList<>();
    for (JsonNode stream : call("describeLogStreams", Json.object().put("LogGroupName", group)).path("LogStreams")) {
      names.add(stream.path("LogStreamName").asText());
    }
    return names;
  }

  private JsonNode call(String operation, JsonNode parameters) {
    try {
      return aws.call(logs, logs.operation(operation).orElseThrow(), parameters, AwsClients.DUMMY_CREDENTIALS.resolveCredentials(), REGION).body();
    } catch (AwsApiException e) {
      throw new IllegalStateException(operation + ": " + e.error() + ": " + e.getMessage(), e);
    }
  }
}
