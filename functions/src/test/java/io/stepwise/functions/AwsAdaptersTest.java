package io.stepwise.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The real SelfInvoker and TaskCallbacks against a stub HTTP server: what they put on the wire,
 * and that the endpoint settings reach the SDK clients.
 */
class AwsAdaptersTest {
  record Request(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  final List<Request> requests = new CopyOnWriteArrayList<>();
  HttpServer server;
  volatile int status = 202;
  volatile String responseBody = "";
  String endpoint;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
      byte[] reply = responseBody.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
      exchange.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
      exchange.getResponseBody().write(reply);
      exchange.close();
    });
    server.start();
    endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

  @Test
  void givenAwsEndpointUrlLambdaSetting_whenInvokingAsync_thenPostsAnEventInvocationThere() {
    // aws.endpointUrlLambda is the system-property twin of AWS_ENDPOINT_URL_LAMBDA: the SDK reads
    // both in the same place, so this proves LambdaSelfInvoker leaves endpoint resolution to it.
    System.setProperty("aws.endpointUrlLambda", endpoint);
    try (LambdaClient lambda = LambdaSelfInvoker.clientBuilder()
        .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).build()) {
      new LambdaSelfInvoker(lambda).invokeAsync("random-error", Map.of("current-depth", 1));
    } finally {
      System.clearProperty("aws.endpointUrlLambda");
    }

    Request request = requests.get(0);
    assertEquals("POST", request.method());
    assertEquals("/2015-03-31/functions/random-error/invocations", request.path());
    assertEquals("Event", request.header("X-Amz-Invocation-Type"));
    assertEquals("{\"current-depth\":1}", request.body());
  }

  @Test
  void givenLambdaDoesNotAccept_whenInvokingAsync_thenIllegalState() {
    status = 200; // a synchronous answer: the event was not queued
    try (LambdaClient lambda = LambdaSelfInvoker.clientBuilder().endpointOverride(java.net.URI.create(endpoint))
        .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).build()) {
      LambdaSelfInvoker invoker = new LambdaSelfInvoker(lambda);
      assertThrows(IllegalStateException.class, () -> invoker.invokeAsync("random-error", Map.of()));
    }
  }

  @Test
  void givenStepwiseSfnEndpoint_whenSendingCallbacks_thenSpeaksTheStepFunctionsJsonProtocolThere() {
    status = 200;
    responseBody = "{}";
    try (SfnClient sfn = SfnTaskCallbacks.clientBuilder(endpoint)
        .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).build()) {
      SfnTaskCallbacks callbacks = new SfnTaskCallbacks(sfn);
      callbacks.sendTaskSuccess("tok", "{\"a\":1}");
      callbacks.sendTaskFailure("tok", "Order.Rejected", "out of stock");
    }

    assertEquals("AWSStepFunctions.SendTaskSuccess", requests.get(0).header("X-Amz-Target"));
    assertEquals("{\"taskToken\":\"tok\",\"output\":\"{\\\"a\\\":1}\"}", requests.get(0).body());
    assertEquals("AWSStepFunctions.SendTaskFailure", requests.get(1).header("X-Amz-Target"));
    assertEquals("{\"taskToken\":\"tok\",\"error\":\"Order.Rejected\",\"cause\":\"out of stock\"}",
        requests.get(1).body());
  }
}
