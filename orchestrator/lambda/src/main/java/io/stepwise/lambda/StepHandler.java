package io.stepwise.lambda;

import io.stepwise.express.ExpressRunner;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.HeldSends;
import io.stepwise.runtime.StepMessage;
import io.stepwise.runtime.StepWorker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The orchestrator: an SQS event source mapping delivers step messages; each becomes one state
 * transition. Messages not done (early, contended, failing) are reported as batch item failures
 * and come back; the queue's redrive policy parks the ones that never succeed.
 *
 * <p>A batch's messages are handled at once, each on a thread of its own: a transition mostly
 * waits on DynamoDB and SQS, and Lambda bills the invocation's wall time, so handling ten one
 * after another bills that waiting ten times. Concurrent messages are safe for the same reason
 * concurrent invocations are: every transition is guarded by its conditional writes. The
 * messages they send after their commits are held and sent together once the batch is done
 * ({@link HeldSends}): one SendMessageBatch instead of a SendMessage per transition.
 * On the Express queue, each message is a whole Express execution, run to its end on its thread.
 */
public final class StepHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  /** Lambda's SQS batches hold at most 10 messages unless a batching window is set. */
  public static final int PARALLELISM = 10;

  private final StepWorker worker;
  private final ExpressRunner express;
  private final int maxReceiveCount;
  private final Observability observability;
  private final ExecutorService pool;

  /** Lambda's constructor: real clients from the environment, built once per container. */
  public StepHandler() {
    this(LambdaEnvironment.orchestrator());
    Priming.register();
  }

  private StepHandler(LambdaEnvironment.Orchestrator orchestrator) {
    this(orchestrator.runtime().worker(), orchestrator.runtime().express(), orchestrator.config().maxReceiveCount(),
        orchestrator.observability(), PARALLELISM);
  }

  /** A handler that never treats a delivery as the last (for queues without a redrive policy). */
  public StepHandler(StepWorker worker) {
    this(worker, Integer.MAX_VALUE);
  }

  /** @param maxReceiveCount the queue's redrive maxReceiveCount */
  public StepHandler(StepWorker worker, int maxReceiveCount) {
    this(worker, maxReceiveCount, PARALLELISM);
  }

  /** @param parallelism how many of a batch's messages are worked on at once; 1 for one after another */
  public StepHandler(StepWorker worker, int maxReceiveCount, int parallelism) {
    this(worker, null, maxReceiveCount, Observability.off(), parallelism);
  }

  /**
   * @param express runs the messages of Express executions; null when none can come
   * @param maxReceiveCount the queue's redrive maxReceiveCount
   * @param observability the worker's observer: flushed once per invocation
   * @param parallelism how many of a batch's messages are worked on at once; 1 for one after another
   */
  public StepHandler(StepWorker worker, ExpressRunner express, int maxReceiveCount, Observability observability,
      int parallelism) {
    this.worker = worker;
    this.express = express;
    this.maxReceiveCount = maxReceiveCount;
    this.observability = observability;
    this.pool = parallelism > 1 ? pool(parallelism) : null;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSEvent.SQSMessage> messages = event.getRecords();
    HeldSends sends = worker.holdSends();
    List<Future<Boolean>> handled = new ArrayList<>(messages.size());
    if (pool != null && messages.size() > 1) {
      for (SQSEvent.SQSMessage message : messages) handled.add(pool.submit(() -> process(message, context, sends)));
    }
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      SQSEvent.SQSMessage message = messages.get(i);
      boolean done = handled.isEmpty() ? process(message, context, sends) : outcome(handled.get(i));
      if (!done) failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
    }
    try {
      sends.flush();
    } catch (RuntimeException e) {
      // As after a crash past the commits: every message comes back and sends its next one again.
      log(context, "sending the batch's next messages failed: " + e);
      failures.clear();
      for (SQSEvent.SQSMessage message : messages) failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
    }
    observability.flush();
    return new SQSBatchResponse(failures);
  }

  /** Threads that end when idle, so handlers built and dropped (tests, the local stack) leave none behind. */
  private static ExecutorService pool(int parallelism) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(parallelism, parallelism, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), runnable -> {
          Thread thread = new Thread(runnable, "stepwise-step");
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** A message's outcome; an Error (a JVM in trouble) fails the whole invocation, as it would inline. */
  private static boolean outcome(Future<Boolean> handled) {
    try {
      return handled.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) throw error;
      return false;
    }
  }

  private boolean process(SQSEvent.SQSMessage message, Context context, HeldSends sends) {
    try {
      StepMessage step = StepMessage.fromJson(message.getBody());
      if (step.kind() == StepMessage.Kind.EXPRESS && express != null) {
        express.process(step); // the whole execution, now; a redelivery runs it again (at-least-once)
        return true;
      }
      observability.messageHandled(late(step, message));
      // A message the queue then parks must not depend on a flush that could fail: its sends go at once.
      StepWorker.Outcome outcome = lastDelivery(message)
          ? worker.process(step, message.getReceiptHandle(), true)
          : worker.process(step, message.getReceiptHandle(), false, sends);
      return outcome == StepWorker.Outcome.ACK;
    } catch (ExecutionStore.ConflictException contended) {
      return false;
    } catch (RuntimeException e) {
      log(context, "message " + message.getMessageId() + " failed: " + e);
      return false;
    }
  }

  /** How long after it fell due the message is handled: after its send, or its due time when delayed. */
  private long late(StepMessage step, SQSEvent.SQSMessage message) {
    String sent = message.getAttributes() == null ? null : message.getAttributes().get("SentTimestamp");
    long due = Math.max(step.dueAtMillis(), sent == null ? 0 : Long.parseLong(sent));
    return due == 0 ? 0 : Math.max(0, observability.clock().millis() - due);
  }

  /** True on the delivery after which the queue parks the message (ApproximateReceiveCount). */
  private boolean lastDelivery(SQSEvent.SQSMessage message) {
    String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
    return count != null && Integer.parseInt(count) >= maxReceiveCount;
  }

  private static void log(Context context, String line) {
    if (context != null && context.getLogger() != null) context.getLogger().log(line + "\n");
    else System.err.println(line);
  }
}
