package io.stepwise.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stepwise.aws.lambda.LambdaTaskInvoker;
import io.stepwise.local.servers.AwsClients;
import io.stepwise.local.servers.ElasticMqServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The Lambda Invoke API on a free loopback port, running Java handlers inside this JVM, so the
 * AWS SDK's {@code LambdaClient} (with {@code endpointOverride}) and the Lambda task invoker
 * talk to it as to Lambda.
 *
 * <p>Serves {@code POST /2015-03-31/functions/{FunctionName}/invocations} with Lambda's rules:
 * name, ARN or partial ARN, {@code :qualifier} or {@code ?Qualifier=}; invocation types
 * RequestResponse (200), Event (202, run in the background) and DryRun (204); {@code LogType:
 * Tail}; {@code X-Amz-Client-Context}; function errors as 200 with {@code X-Amz-Function-Error:
 * Unhandled} and the Java runtime's error JSON; API errors as Lambda's JSON errors. The host
 * answers for any region and account named in an ARN: it stands for one account.
 */
public final class LocalLambdaHost implements AutoCloseable {
  /** Lambda's request limits: 6 MB synchronous, 1 MB asynchronous. */
  static final int MAX_SYNC_REQUEST_BYTES = 6_291_456;
  static final int MAX_ASYNC_REQUEST_BYTES = 1_048_576;

  private static final Pattern INVOKE_PATH = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");
  private static final Set<String> INVOCATION_TYPES = Set.of("RequestResponse", "Event", "DryRun");

  private final HttpServer server;
  private final ExecutorService http;
  private final ExecutorService workers;
  private final String region;
  private final String accountId;
  private final Map<String, FunctionInstance> functions = new ConcurrentHashMap<>();
  private volatile Consumer<String> logSink = text -> {};

  private LocalLambdaHost(HttpServer server, ExecutorService http, ExecutorService workers, String region, String accountId) {
    this.server = server;
    this.http = http;
    this.workers = workers;
    this.region = region;
    this.accountId = accountId;
  }

  /** A host for the same region and account as the local SQS server's defaults. */
  public static LocalLambdaHost start() {
    return start(ElasticMqServer.DEFAULT_REGION, ElasticMqServer.DEFAULT_ACCOUNT_ID);
  }

  public static LocalLambdaHost start(String region, String accountId) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      // Handlers run on their own threads so a timed-out one can be abandoned; HTTP exchanges
      // get a pool of their own so a busy function never blocks other requests.
      ExecutorService workers = Executors.newCachedThreadPool(daemonThreads("local-lambda"));
      ExecutorService http = Executors.newCachedThreadPool(daemonThreads("local-lambda-http"));
      LocalLambdaHost host = new LocalLambdaHost(server, http, workers, region, accountId);
      server.createContext("/", host::handle);
      server.setExecutor(http);
      server.start();
      return host;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the local Lambda host", e);
    }
  }

  /** Registers (or replaces) {@code name} with Lambda's defaults: 3 s timeout, 128 MB. */
  public LocalLambdaHost register(String name, String handler) {
    return register(FunctionConfig.of(name, handler));
  }

  /**
   * Loads the handler class from this thread's context class loader and creates its one
   * instance now, so a wrong handler fails here rather than at the first invocation.
   *
   * @throws IllegalArgumentException when the handler cannot be loaded
   */
  public LocalLambdaHost register(FunctionConfig function) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    FunctionInstance instance = new FunctionInstance(function, loader != null ? loader : getClass().getClassLoader(),
        workers, text -> logSink.accept(text));
    functions.put(function.name(), instance);
    return this;
  }

  /** Where function logs go as they are written (each chunk prefixed with [function]); none by default. */
  public LocalLambdaHost logTo(Consumer<String> sink) {
    this.logSink = sink;
    return this;
  }

  /** The endpoint for {@code LambdaClient.builder().endpointOverride(...)}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public String region() {
    return region;
  }

  public String accountId() {
    return accountId;
  }

  public String functionArn(String name) {
    return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
  }

  /** A client for this host as the Lambda runtime builds it (url-connection, no SDK retries); close it. */
  public LambdaClient newClient() {
    return LambdaClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(LambdaTaskInvoker.MAX_INVOKE_DURATION))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .endpointOverride(endpoint())
        .region(Region.of(region))
        .credentialsProvider(AwsClients.DUMMY_CREDENTIALS)
        .build();
  }

  @Override
  public void close() {
    server.stop(0);
    http.shutdownNow();
    workers.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    String requestId = UUID.randomUUID().toString();
    try (exchange) {
      Headers out = exchange.getResponseHeaders();
      out.set("x-amzn-RequestId", requestId);
      out.set("Connection", "keep-alive");
      try {
        invoke(exchange, requestId);
      } catch (LambdaApiException e) {
        out.set("x-amzn-ErrorType", e.errorType());
        send(exchange, e.status(), e.body().getBytes(StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        out.set("x-amzn-ErrorType", "ServiceException");
        send(exchange, 500, new LambdaApiException(500, "ServiceException", "Internal error: " + e).body()
            .getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // The client went away; there is no one left to answer.
    }
  }

  private void invoke(HttpExchange exchange, String requestId) throws IOException {
    Matcher path = INVOKE_PATH.matcher(exchange.getRequestURI().getRawPath());
    if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
      throw new LambdaApiException(404, "UnknownOperationException", "Unknown operation " + exchange.getRequestMethod()
          + " " + exchange.getRequestURI().getRawPath());
    }
    Headers in = exchange.getRequestHeaders();
    String type = in.getFirst("X-Amz-Invocation-Type") == null ? "RequestResponse" : in.getFirst("X-Amz-Invocation-Type");
    if (!INVOCATION_TYPES.contains(type)) {
      throw new LambdaApiException(400, "ValidationException", "1 validation error detected: Value '" + type
          + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
    }
    FunctionRef ref = FunctionRef.parse(HttpRequests.percentDecode(path.group(1)),
        HttpRequests.queryParameter(exchange.getRequestURI().getRawQuery(), "Qualifier"));
    String invokedArn = ref.invokedArn(region, accountId);
    FunctionInstance function = functions.get(ref.name());
    if (function == null || !function.config().accepts(ref.qualifier())) {
      // Lambda names the version it looked for: $LATEST when none was given.
      throw LambdaApiException.notFound(ref.qualifier() == null ? invokedArn + ":$LATEST" : invokedArn);
    }
    byte[] payload = HttpRequests.readPayload(exchange.getRequestBody(),
        "Event".equals(type) ? MAX_ASYNC_REQUEST_BYTES : MAX_SYNC_REQUEST_BYTES);
    ClientContext clientContext = LocalClientContext.decode(in.getFirst("X-Amz-Client-Context"));
    Headers out = exchange.getResponseHeaders();
    out.set("X-Amzn-Trace-Id", "root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
        + requestId.replace("-", "").substring(0, 24) + ";sampled=0");
    out.set("x-amzn-Remapped-Content-Length", "0");
    if ("DryRun".equals(type)) {
      send(exchange, 204, new byte[0]);
    } else if ("Event".equals(type)) {
      workers.submit(() -> function.invokeQueued(requestId, invokedArn, payload, clientContext));
      send(exchange, 202, new byte[0]);
    } else {
      FunctionInstance.Result result = function.invoke(requestId, invokedArn, payload, clientContext);
      out.set("Content-Type", "application/json");
      out.set("X-Amz-Executed-Version", "$LATEST");
      if (result.functionError()) out.set("X-Amz-Function-Error", "Unhandled");
      if ("Tail".equals(in.getFirst("X-Amz-Log-Type"))) out.set("X-Amz-Log-Result", result.log().tailBase64());
      send(exchange, 200, result.body());
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    if (status == 204) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    if (body.length > 0 && exchange.getResponseHeaders().getFirst("Content-Type") == null) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) exchange.getResponseBody().write(body);
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
