package io.stepwise.lambda;

import io.stepwise.express.ExpressRunner;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.StepMessage;
import io.stepwise.runtime.StepWorker;
import java.util.ArrayList;
import java.util.List;

/**
 * The orchestrator: an SQS event source mapping delivers step messages; each becomes one state
 * transition. Messages not done (early, contended, failing) are reported as batch item failures
 * and come back; the queue's redrive policy parks the ones that never succeed. On the Express
 * queue, each message is a whole Express execution, run side by side with its batch's others
 * ({@link ExpressBatch}).
 */
public final class StepHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final StepWorker worker;
  private final ExpressBatch express;
  private final int maxReceiveCount;
  private final Observability observability;

  /** Lambda's constructor: real clients from the environment, built once per container. */
  public StepHandler() {
    this(LambdaEnvironment.orchestrator());
    Priming.register();
  }

  private StepHandler(LambdaEnvironment.Orchestrator orchestrator) {
    this(orchestrator.runtime().worker(), orchestrator.runtime().express(), orchestrator.config().maxReceiveCount(),
        orchestrator.observability());
  }

  /** A handler that never treats a delivery as the last (for queues without a redrive policy). */
  public StepHandler(StepWorker worker) {
    this(worker, Integer.MAX_VALUE);
  }

  /** @param maxReceiveCount the queue's redrive maxReceiveCount */
  public StepHandler(StepWorker worker, int maxReceiveCount) {
    this(worker, null, maxReceiveCount, Observability.off());
  }

  /**
   * @param express runs the messages of Express executions; null when none can come
   * @param maxReceiveCount the queue's redrive maxReceiveCount
   * @param observability the worker's observer: flushed once per invocation
   */
  public StepHandler(StepWorker worker, ExpressRunner express, int maxReceiveCount, Observability observability) {
    this.worker = worker;
    this.express = express == null ? null : new ExpressBatch(express);
    this.maxReceiveCount = maxReceiveCount;
    this.observability = observability;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    List<String> expressFailed = new ArrayList<>();
    List<SQSEvent.SQSMessage> steps = express == null ? event.getRecords() : express.runAll(event.getRecords(), expressFailed);
    expressFailed.forEach(id -> failures.add(new SQSBatchResponse.BatchItemFailure(id)));
    for (SQSEvent.SQSMessage message : steps) {
      if (!process(message, context)) failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
    }
    observability.flush();
    return new SQSBatchResponse(failures);
  }

  private boolean process(SQSEvent.SQSMessage message, Context context) {
    try {
      StepMessage step = StepMessage.fromJson(message.getBody());
      observability.messageHandled(late(step, message));
      return worker.process(step, message.getReceiptHandle(), lastDelivery(message)) == StepWorker.Outcome.ACK;
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
