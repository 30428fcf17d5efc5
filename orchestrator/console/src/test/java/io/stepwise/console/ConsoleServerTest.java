package io.stepwise.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** {@code stepwise console}'s server: signed forwarding to an upstream API, and what it refuses. */
class ConsoleServerTest {
  private final Map<String, String> seen = new ConcurrentHashMap<>();
  private HttpServer upstream;
  private ConsoleServer console;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext("/", exchange -> {
      exchange.getRequestHeaders().forEach((name, values) -> seen.put(name.toLowerCase(), values.get(0)));
      seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] reply = "{\"__type\":\"StateMachineDoesNotExist\",\"message\":\"no such machine\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
      exchange.getResponseHeaders().set("x-amzn-ErrorType", "StateMachineDoesNotExist");
      exchange.sendResponseHeaders(400, reply.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply);
      }
    });
    upstream.start();
    URI endpoint = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/");
    console = ConsoleServer.start(0, new SigningForwarder(endpoint, "eu-west-1",
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))));
  }

  @AfterEach
  void stop() {
    console.close();
    upstream.stop(0);
  }

  @Test
  void anApiCall_isForwardedSignedForStates_andItsAnswerComesBackAsItWas() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(console.endpoint())
        .header("X-Amz-Target", "AWSStepFunctions.DescribeStateMachine").header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString("{\"stateMachineArn\":\"arn:aws:states:eu-west-1:1:stateMachine:x\"}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(400, response.statusCode());
    assertEquals("StateMachineDoesNotExist", response.headers().firstValue("x-amzn-ErrorType").orElse(null));
    assertTrue(response.body().contains("no such machine"));
    assertEquals("AWSStepFunctions.DescribeStateMachine", seen.get("x-amz-target"));
    assertEquals("{\"stateMachineArn\":\"arn:aws:states:eu-west-1:1:stateMachine:x\"}", seen.get("body"));
    String authorization = seen.get("authorization");
    assertTrue(authorization.matches("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/eu-west-1/states/aws4_request, "
        + "SignedHeaders=[a-z0-9;-]*x-amz-target[a-z0-9;-]*, Signature=[0-9a-f]{64}"), authorization);
    assertTrue(seen.containsKey("x-amz-date") && seen.containsKey("x-amz-content-sha256"), seen.toString());
  }

  @Test
  void aPostWithoutTheProtocolsHeaders_isRefusedAndNeverForwarded() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(console.endpoint())
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(403, response.statusCode());
    assertTrue(seen.isEmpty(), seen.toString());
  }

  @Test
  void aRequestNamingAnotherHost_isRefused() throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), console.endpoint().getPort())) {
      PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
      out.print("POST / HTTP/1.1\r\nHost: attacker.example:8084\r\nX-Amz-Target: AWSStepFunctions.ListStateMachines\r\n"
          + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
      out.flush();
      String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      assertEquals("HTTP/1.1 403 Forbidden", status);
    }
    assertTrue(seen.isEmpty(), seen.toString());
  }

  @Test
  void thePageAndItsAssets_areServedWithAStrictContentSecurityPolicy() throws Exception {
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(console.endpoint()).GET().build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> script = http.send(HttpRequest.newBuilder(console.endpoint().resolve("/console/app.js")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> traversal = http.send(HttpRequest.newBuilder(console.endpoint().resolve("/console/..%2Fgraph%2FGraphLayout.class"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<script src=\"/console/app.js\">"));
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    assertEquals(200, script.statusCode());
    assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
    assertEquals(404, traversal.statusCode());
    assertFalse(LoopbackHosts.allowed("localhost.attacker.example"));
    assertTrue(LoopbackHosts.allowed("[::1]:8084") && LoopbackHosts.allowed("LOCALHOST"));
  }
}
