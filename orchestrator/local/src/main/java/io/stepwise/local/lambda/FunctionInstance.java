package io.stepwise.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A registered function: its handler instance (created once, shared by concurrent invocations,
 * so handlers must be thread-safe) and the rules Lambda applies around each call: the timeout,
 * reserved concurrency, the response size limit and the runtime's error payloads.
 */
final class FunctionInstance {
  /** Lambda's limit on a synchronous response. */
  static final int MAX_RESPONSE_BYTES = 6_291_556;

  /** What one invocation produced: the response body, whether it is an error payload, its log. */
  record Result(byte[] body, boolean functionError, CapturedLog log) {}

  private final FunctionConfig config;
  private final HandlerLoader.Loaded handler;
  private final Semaphore concurrency;
  private final String logStream;
  private final ExecutorService workers;
  private final Consumer<String> sink;

  FunctionInstance(FunctionConfig config, ClassLoader classLoader, ExecutorService workers, Consumer<String> sink) {
    this.config = config;
    this.handler = HandlerLoader.load(config.handler(), classLoader);
    this.concurrency = config.reservedConcurrency() > 0 ? new Semaphore(config.reservedConcurrency()) : null;
    this.logStream = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))
        + "/[$LATEST]" + UUID.randomUUID().toString().replace("-", "");
    this.workers = workers;
    this.sink = sink;
  }

  FunctionConfig config() {
    return config;
  }

  /**
   * A synchronous call: throttled with 429 TooManyRequestsException when the reserved
   * concurrency is in use, as Lambda does.
   */
  Result invoke(String requestId, String invokedArn, byte[] payload, ClientContext clientContext) {
    if (concurrency != null && !concurrency.tryAcquire()) {
      throw new LambdaApiException(429, "TooManyRequestsException", "Rate Exceeded.",
          "ReservedFunctionConcurrentInvocationLimitExceeded");
    }
    return runHoldingPermit(requestId, invokedArn, payload, clientContext);
  }

  /** An asynchronous call: Lambda queues events rather than throttling them, so this waits its turn. */
  Result invokeQueued(String requestId, String invokedArn, byte[] payload, ClientContext clientContext)
      throws InterruptedException {
    if (concurrency != null) concurrency.acquire();
    return runHoldingPermit(requestId, invokedArn, payload, clientContext);
  }

  private Result runHoldingPermit(String requestId, String invokedArn, byte[] payload, ClientContext clientContext) {
    try {
      return run(requestId, invokedArn, payload, clientContext);
    } finally {
      if (concurrency != null) concurrency.release();
    }
  }

  private Result run(String requestId, String invokedArn, byte[] payload, ClientContext clientContext) {
    CapturedLog log = new CapturedLog(text -> sink.accept("[" + config.name() + "] " + text));
    long start = System.nanoTime();
    long timeoutMillis = config.timeout().toMillis();
    log.line("START RequestId: " + requestId + " Version: $LATEST");
    LocalContext context = new LocalContext(requestId, config.name(), invokedArn, logStream, config.memoryMb(),
        clientContext, log, System.currentTimeMillis() + timeoutMillis, traceId());
    Future<byte[]> call = workers.submit(() -> handler.handle(payload, context));
    byte[] body;
    boolean failed = false;
    try {
      body = call.get(timeoutMillis, TimeUnit.MILLISECONDS);
      if (body.length > MAX_RESPONSE_BYTES) {
        failed = true;
        body = errorJson(null, "Function.ResponseSizeTooLarge", "Response payload size exceeded maximum allowed payload size ("
            + MAX_RESPONSE_BYTES + " bytes).");
      }
    } catch (TimeoutException e) {
      // Lambda would freeze the sandbox; here the handler's thread is interrupted and the
      // invocation answered, though a handler ignoring interrupts runs on in the background.
      call.cancel(true);
      String seconds = String.format(Locale.ROOT, "%.2f", timeoutMillis / 1000.0);
      log.line(Instant.now() + " " + requestId + " Task timed out after " + seconds + " seconds");
      failed = true;
      body = errorJson(null, "Sandbox.Timedout", "RequestId: " + requestId + " Error: Task timed out after " + seconds + " seconds");
    } catch (ExecutionException e) {
      failed = true;
      body = thrown(e.getCause());
      log.line(new String(body, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      call.cancel(true);
      throw new LambdaApiException(500, "ServiceException", "The invocation was interrupted.");
    }
    double millis = (System.nanoTime() - start) / 1e6;
    log.line("END RequestId: " + requestId);
    log.line(String.format(Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB",
        requestId, millis, (long) Math.ceil(millis), config.memoryMb()));
    return new Result(body, failed, log);
  }

  /**
   * The Java runtime's error payload for an exception the handler threw: errorMessage (the
   * class name when the message is null), errorType (the class's binary name) and stackTrace.
   */
  static byte[] thrown(Throwable t) {
    String message = t.getLocalizedMessage() == null ? t.getClass().getName() : t.getLocalizedMessage();
    return errorJson(StackFilter.userFrames(t), t.getClass().getName(), message);
  }

  private static byte[] errorJson(String[] stackTrace, String type, String message) {
    ObjectNode error = Json.object();
    error.put("errorMessage", message);
    error.put("errorType", type);
    if (stackTrace != null) {
      ArrayNode frames = error.putArray("stackTrace");
      for (String frame : stackTrace) frames.add(frame);
    }
    return Json.write(error).getBytes(StandardCharsets.UTF_8);
  }

  private static String traceId() {
    String hex = UUID.randomUUID().toString().replace("-", "");
    return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + hex.substring(0, 24) + ";Sampled=0";
  }
}
