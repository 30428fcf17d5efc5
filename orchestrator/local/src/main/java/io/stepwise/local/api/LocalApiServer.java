package io.stepwise.local.api;

import com.sun.net.httpserver.HttpExchange;
import io.stepwise.api.ApiConfig;
import io.stepwise.api.ApiErrors;
import io.stepwise.api.ApiResponse;
import io.stepwise.api.StepFunctionsApi;
import io.stepwise.api.auth.AccessKeys;
import io.stepwise.api.auth.HttpRequest;
import io.stepwise.api.auth.SecuredApi;
import io.stepwise.api.auth.SigV4Verifier;
import io.stepwise.console.ConsoleRoutes;
import io.stepwise.console.Exchanges;
import io.stepwise.console.LoopbackServer;
import io.stepwise.console.SfnEndpoint;
import io.stepwise.lambda.Runtime;
import io.stepwise.local.servers.ElasticMqServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Map;
import java.util.function.Function;

/**
 * The Step Functions API (JSON 1.0 protocol) on a loopback port, 8083 by default, so that
 * {@code SfnClient.builder().endpointOverride(URI.create("http://127.0.0.1:8083"))} and
 * {@code aws stepfunctions --endpoint-url http://127.0.0.1:8083 ...} work against the local stack.
 * Each request is {@code POST} (any path) with {@code X-Amz-Target: AWSStepFunctions.<Operation>}.
 * {@code GET} requests are the web console's ({@link ConsoleRoutes}), whose page calls the same
 * API in this JVM.
 *
 * <p>StartSyncExecution and TestState: the AWS SDKs and CLI send them to the host {@code sync-<endpoint host>};
 * against this server, turn that off ({@code SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION}
 * in the SDK; {@code AWS_DISABLE_HOST_PREFIX_INJECTION=true} or {@code disable_host_prefix_injection =
 * true} in the config for the CLI and boto3).
 */
public final class LocalApiServer implements AutoCloseable {
  public static final int DEFAULT_PORT = 8083;
  /** Room for a 1 MB definition escaped into a request, and then some. */
  static final int MAX_REQUEST_BYTES = 8 * 1024 * 1024;
  private static final ApiConfig LOCAL = new ApiConfig(ElasticMqServer.DEFAULT_REGION, ElasticMqServer.DEFAULT_ACCOUNT_ID);


  private final LoopbackServer server;

  private LocalApiServer(LoopbackServer server) {
    this.server = server;
  }

  /** Serves {@code runtime} for the local servers' region and account (us-east-1, 000000000000). */
  public static LocalApiServer start(int port, Runtime runtime) {
    return start(port, new StepFunctionsApi(runtime, LOCAL));
  }

  /**
   * As {@link #start(int, Runtime)}, but the API takes only requests signed with one of
   * {@code keys}, as on AWS. The console on the same port reads in this JVM: it listens on
   * 127.0.0.1 for this machine's own user only.
   */
  public static LocalApiServer start(int port, Runtime runtime, AccessKeys.Source keys) {
    StepFunctionsApi api = new StepFunctionsApi(runtime, LOCAL);
    SecuredApi secured = new SecuredApi(api, new SigV4Verifier(keys, LOCAL.region(), InstantSource.system()), LOCAL);
    return start(port, api, secured::handle);
  }

  /** @throws LoopbackServer.PortInUseException when {@code port} cannot be listened on now */
  public static void checkFree(int port) {
    LoopbackServer.checkFree(port);
  }

  /**
   * Open to any local caller, as local development wants it.
   *
   * @param port 0 for a free one (see {@link #port()})
   * @throws LoopbackServer.PortInUseException when {@code port} is taken
   */
  public static LocalApiServer start(int port, StepFunctionsApi api) {
    return start(port, api,
        request -> api.handle(request.header("X-Amz-Target"), new String(request.body(), StandardCharsets.UTF_8)));
  }

  private static LocalApiServer start(int port, StepFunctionsApi console, Function<HttpRequest, ApiResponse> api) {
    ConsoleRoutes routes = new ConsoleRoutes((target, body) -> {
      ApiResponse response = console.handle(target, body);
      return new SfnEndpoint.Reply(response.status(), response.headers(), response.body());
    });
    return new LocalApiServer(LoopbackServer.start(port, "local-sfn-api", exchange -> {
      String method = exchange.getRequestMethod();
      if (method.equals("GET") || method.equals("HEAD")) {
        try (exchange) {
          Exchanges.serveGet(routes, exchange);
        }
      } else {
        serve(api, exchange);
      }
    }));
  }

  public int port() {
    return server.port();
  }

  public URI endpoint() {
    return server.endpoint();
  }

  private static void serve(Function<HttpRequest, ApiResponse> api, HttpExchange exchange) throws IOException {
    try (exchange) {
      ApiResponse response;
      byte[] body = exchange.getRequestBody().readNBytes(MAX_REQUEST_BYTES + 1);
      if (!"POST".equals(exchange.getRequestMethod())) {
        response = ApiErrors.of("UnknownOperationException",
            "The Step Functions API takes POST requests, not " + exchange.getRequestMethod());
      } else if (body.length > MAX_REQUEST_BYTES) {
        response = ApiErrors.of("SerializationException", "The request is larger than " + MAX_REQUEST_BYTES + " bytes");
      } else {
        URI uri = exchange.getRequestURI();
        response = api.apply(new HttpRequest("POST", uri.getRawPath(), uri.getRawQuery(), exchange.getRequestHeaders(), body));
      }
      byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
      for (Map.Entry<String, String> header : response.headers().entrySet()) {
        exchange.getResponseHeaders().set(header.getKey(), header.getValue());
      }
      exchange.sendResponseHeaders(response.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
