package io.stepwise.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import io.stepwise.lambda.Runtime;
import io.stepwise.local.runtime.LocalIntegrations;
import io.stepwise.local.runtime.LocalRuntime;
import io.stepwise.tests.ExecutionFixtures;
import io.stepwise.tests.LocalAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Retry on a throttle, end to end on the Lambda runtime. moto cannot throttle, so a minimal HTTP
 * server on 127.0.0.1 stands in for the service: it injects the fault at the wire, answering in the
 * service's own protocol (Lambda's REST-JSON, DynamoDB's JSON 1.0) with its throttling error a
 * few times, then succeeds. The real protocol caller parses those answers into Step Functions'
 * error names, and the state's Retry on that name carries the Task through.
 */
@ExtendWith(LocalAws.class)
class ThrottleRetryTest {
  private static final int THROTTLES = 2;
  private final AtomicInteger lambdaCalls = new AtomicInteger();
  private final AtomicInteger dynamoCalls = new AtomicInteger();
  private HttpServer faults;
  private LocalRuntime local;
  private Runtime runtime;

  @BeforeEach
  void start(DynamoDbClient dynamo, SqsClient sqs, LocalAws.Servers servers) throws IOException {
    faults = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    faults.createContext("/2015-03-31/functions/", this::lambda);
    faults.createContext("/", this::dynamoDb);
    faults.start();
    URI endpoint = URI.create("http://127.0.0.1:" + faults.getAddress().getPort());
    String name = LocalAws.uniqueName("throttle");
    local = LocalRuntime.start(dynamo, sqs, name,
        LocalIntegrations.invoker(Map.of("lambda", endpoint, "dynamodb", endpoint), null, servers.region().id(), name),
        new LocalRuntime.Options(30, 5, 2, 10));
    runtime = local.runtime();
  }

  @AfterEach
  void stop() {
    if (local != null) local.close();
    if (faults != null) faults.stop(0);
  }

  /** Lambda's throttle: 429 with {@code x-amzn-ErrorType: TooManyRequestsException}. */
  private void lambda(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    if (lambdaCalls.incrementAndGet() <= THROTTLES) {
      exchange.getResponseHeaders().add("x-amzn-ErrorType", "TooManyRequestsException");
      answer(exchange, 429, "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\","
          + "\"message\":\"Rate Exceeded.\"}");
    } else {
      exchange.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
      answer(exchange, 200, "{\"done\":true}");
    }
  }

  /** DynamoDB's throttle: 400 with the error's shape in {@code __type}. */
  private void dynamoDb(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
    if (dynamoCalls.incrementAndGet() <= THROTTLES) {
      answer(exchange, 400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
          + "\"message\":\"The level of configured provisioned throughput for the table was exceeded.\"}");
    } else {
      answer(exchange, 200, "{\"Item\":{\"id\":{\"S\":\"order-1\"}}}");
    }
  }

  private static void answer(HttpExchange exchange, int status, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (exchange) {
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> failures(ExecutionState end) {
    return runtime.store().history(end.info().executionArn(), 0, 1000).events().stream().filter(e -> e.type().endsWith("Failed"))
        .map(HistoryEvent::details).map(d -> d.path("error").asText()).toList();
  }

  private ExecutionState run(String definition) {
    ExecutionState end = ExecutionFixtures.run(runtime, LocalAws.uniqueName("m"), definition, "{}", Duration.ofSeconds(90));
    assertEquals(ExecutionStatus.SUCCEEDED, end.status(), end.error() + ": " + end.cause());
    return end;
  }

  @Test
  void lambdaInvoke_throttledTwice_succeedsOnItsRetry() {
    ExecutionState end = run("""
        {"StartAt": "Invoke", "States": {"Invoke": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "orders"}, "OutputPath": "$.Payload",
          "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 1, "BackoffRate": 1,
            "MaxAttempts": 3}],
          "End": true}}}""");
    assertEquals(Json.parse("{\"done\": true}"), end.output());
    assertEquals(THROTTLES + 1, lambdaCalls.get());
    assertEquals(List.of("Lambda.TooManyRequestsException", "Lambda.TooManyRequestsException"), failures(end));
  }

  @Test
  void awsSdkCall_throttledTwice_succeedsOnItsRetry() {
    ExecutionState end = run("""
        {"StartAt": "Get", "States": {"Get": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:getItem",
          "Parameters": {"TableName": "orders", "Key": {"id": {"S": "order-1"}}},
          "Retry": [{"ErrorEquals": ["DynamoDb.ProvisionedThroughputExceededException"], "IntervalSeconds": 1,
            "BackoffRate": 1, "MaxAttempts": 3}],
          "End": true}}}""");
    assertEquals("order-1", end.output().path("Item").path("id").path("S").asText(), end.output().toString());
    assertEquals(THROTTLES + 1, dynamoCalls.get());
    assertEquals(List.of("DynamoDb.ProvisionedThroughputExceededException",
        "DynamoDb.ProvisionedThroughputExceededException"), failures(end));
  }
}
