package io.stepwise.local.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stepwise.api.ApiConfig;
import io.stepwise.api.ApiErrors;
import io.stepwise.api.ApiResponse;
import io.stepwise.api.StepFunctionsApi;
import io.stepwise.api.auth.AccessKeys;
import io.stepwise.api.auth.HttpRequest;
import io.stepwise.api.auth.SecuredApi;
import io.stepwise.api.auth.SigV4Verifier;
import io.stepwise.lambda.Runtime;
import io.stepwise.local.servers.ElasticMqServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The Step Functions API (JSON 1.0 protocol) on a loopback port, 8083 by default, so that
 * {@code SfnClient.builder().endpointOverride(URI.create("http://127.0.0.1:8083"))} and
 * {@code aws stepfunctions --endpoint-url http://127.0.0.1:8083 ...} work against the local stack.
 * Each request is {@code POST} (any path) with {@code X-Amz-Target: AWSStepFunctions.<Operation>}.
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

  private final HttpServer server;
  private final ExecutorService threads;

  private LocalApiServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /** Serves {@code runtime} for the local servers' region and account (us-east-1, 000000000000). */
  public static LocalApiServer start(int port, Runtime runtime) {
    return start(port, new StepFunctionsApi(runtime, LOCAL));
  }

  /** As {@link #start(int, Runtime)}, but only to requests signed with one of {@code keys}, as on AWS. */
  public static LocalApiServer start(int port, Runtime runtime, AccessKeys.Source keys) {
    return start(port, new SecuredApi(new StepFunctionsApi(runtime, LOCAL),
        new SigV4Verifier(keys, LOCAL.region(), InstantSource.system()), LOCAL));
  }

  /** The API's port is taken: a sentence for the user, not a trace. */
  public static final class PortInUseException extends RuntimeException {
    PortInUseException(int port) {
      super("127.0.0.1:" + port + " is in use: stop what listens there, or choose another port with --port");
    }
  }

  /** @throws PortInUseException when {@code port} cannot be listened on now */
  public static void checkFree(int port) {
    if (port == 0) return;
    bind(port).stop(0);
  }

  /**
   * Open to any local caller, as local development wants it.
   *
   * @param port 0 for a free one (see {@link #port()})
   * @throws PortInUseException when {@code port} is taken
   */
  public static LocalApiServer start(int port, StepFunctionsApi api) {
    return start(port, request -> api.handle(request.header("X-Amz-Target"), new String(request.body(), StandardCharsets.UTF_8)));
  }

  /** Every request signed with one of the access keys, and allowed by its statements, as the deployed API. */
  public static LocalApiServer start(int port, SecuredApi api) {
    return start(port, api::handle);
  }

  private static LocalApiServer start(int port, Function<HttpRequest, ApiResponse> api) {
    HttpServer server = bind(port);
    AtomicInteger count = new AtomicInteger();
    // StartSyncExecution blocks its thread for a while: a thread per request.
    ExecutorService threads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "local-sfn-api-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.createContext("/", exchange -> serve(api, exchange));
    server.setExecutor(threads);
    server.start();
    return new LocalApiServer(server, threads);
  }

  private static HttpServer bind(int port) {
    try {
      return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (BindException e) {
      throw new PortInUseException(port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port());
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
    server.stop(0);
    threads.shutdownNow();
  }
}
