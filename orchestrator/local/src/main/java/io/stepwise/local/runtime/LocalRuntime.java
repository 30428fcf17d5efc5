package io.stepwise.local.runtime;

import io.stepwise.express.ExpressHistory;
import io.stepwise.express.ExpressRunner;
import io.stepwise.aws.dynamodb.DynamoDbJoinStore;
import io.stepwise.aws.dynamodb.DynamoDbReaderCursors;
import io.stepwise.aws.dynamodb.DynamoDbTokenStore;
import io.stepwise.aws.dynamodb.Table;
import io.stepwise.aws.sqs.SqsStepQueue;
import io.stepwise.runtime.Resumption;
import java.time.InstantSource;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.items.ObjectStorage;
import io.stepwise.lambda.Runtime;
import io.stepwise.lambda.RuntimeConfig;
import io.stepwise.lambda.Observability;
import io.stepwise.lambda.StepHandler;
import io.stepwise.engine.Engine;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The Lambda runtime on local servers: creates the table and the queue (with its dead-letter
 * queue), wires the real handler to a local event source mapping, and hands out the runtime.
 */
public final class LocalRuntime implements AutoCloseable {
  /**
   * How the queue and the pollers are set up.
   *
   * @param visibilityTimeoutSeconds how long a failed message stays hidden; the lease is one
   *     second less, so a redelivered transition is never still held by a live worker
   * @param maxReceiveCount deliveries before the dead-letter queue parks a message
   * @param maxEvents the most history events one execution may have
   * @param handlerParallelism how many of a batch's messages the handler works on at once
   */
  /**
   * The Express queue's MaximumBatchingWindowInSeconds in template.yml: an Express execution's
   * message waits up to this for others, so one receive, invocation and delete serve up to ten.
   */
  public static final Duration EXPRESS_BATCH_WINDOW = Duration.ofSeconds(1);

  public record Options(int visibilityTimeoutSeconds, int maxReceiveCount, int pollers, int batchSize, long maxEvents,
      int handlerParallelism) {
    public static final Options DEFAULT = new Options(5, 10, 4, 10, Engine.DEFAULT_MAX_EVENTS);

    public Options(int visibilityTimeoutSeconds, int maxReceiveCount, int pollers, int batchSize, long maxEvents) {
      this(visibilityTimeoutSeconds, maxReceiveCount, pollers, batchSize, maxEvents, StepHandler.PARALLELISM);
    }

    public Options(int visibilityTimeoutSeconds, int maxReceiveCount, int pollers, int batchSize) {
      this(visibilityTimeoutSeconds, maxReceiveCount, pollers, batchSize, Engine.DEFAULT_MAX_EVENTS);
    }

    /** The same, with the handler working on one message at a time (the bench's comparison). */
    public Options sequential() {
      return new Options(visibilityTimeoutSeconds, maxReceiveCount, pollers, batchSize, maxEvents, 1);
    }
  }

  /** The Express queue's visibility timeout: a whole run (5 minutes) and a margin. */
  static final Duration EXPRESS_VISIBILITY = ExpressRunner.LIMIT.plusSeconds(30);

  private final Runtime runtime;
  private final LocalEventSourceMapping mapping;
  private final LocalEventSourceMapping expressMapping;
  private final String queueUrl;
  private final String deadLetterQueueUrl;

  private LocalRuntime(Runtime runtime, LocalEventSourceMapping mapping, LocalEventSourceMapping expressMapping,
      String queueUrl, String deadLetterQueueUrl) {
    this.runtime = runtime;
    this.mapping = mapping;
    this.expressMapping = expressMapping;
    this.queueUrl = queueUrl;
    this.deadLetterQueueUrl = deadLetterQueueUrl;
  }

  /** Provisions {@code name} (table, queue, DLQ) and starts polling with {@code pollers} threads. */
  public static LocalRuntime start(DynamoDbClient dynamo, SqsClient sqs, String name, TaskInvoker tasks, int pollers) {
    return start(dynamo, sqs, name, tasks, new Options(Options.DEFAULT.visibilityTimeoutSeconds(),
        Options.DEFAULT.maxReceiveCount(), pollers, Options.DEFAULT.batchSize()));
  }

  /**
   * When the table exists already (the local stack restarted on its data directory) but the
   * queue does not (it was kept in memory, or its store was removed), the messages of the
   * running executions are put back from their records. A kept queue still holds them.
   */
  public static LocalRuntime start(DynamoDbClient dynamo, SqsClient sqs, String name, TaskInvoker tasks, Options options) {
    return start(dynamo, sqs, ObjectStorage.NONE, name, tasks, options);
  }

  /** @param storage where Distributed Maps read items and write results (s3rver, say) */
  public static LocalRuntime start(DynamoDbClient dynamo, SqsClient sqs, ObjectStorage storage, String name,
      TaskInvoker tasks, Options options) {
    return start(dynamo, sqs, storage, name, tasks, options, Observability.off(), ExpressHistory.NONE);
  }

  /** @param observability the handler's metrics and logs, flushed after each batch as on Lambda */
  public static LocalRuntime start(DynamoDbClient dynamo, SqsClient sqs, String name, TaskInvoker tasks, Options options,
      Observability observability) {
    return start(dynamo, sqs, ObjectStorage.NONE, name, tasks, options, observability, observability.expressHistory());
  }

  /** @param expressHistory where Express executions' histories go (tests watch them here) */
  public static LocalRuntime start(DynamoDbClient dynamo, SqsClient sqs, String name, TaskInvoker tasks, Options options,
      ExpressHistory expressHistory) {
    return start(dynamo, sqs, ObjectStorage.NONE, name, tasks, options, Observability.off(), expressHistory);
  }

  /** @param storage and {@code expressHistory}: where Maps read and write, where Express histories go */
  public static LocalRuntime start(DynamoDbClient dynamo, SqsClient sqs, ObjectStorage storage, String name,
      TaskInvoker tasks, Options options, ExpressHistory expressHistory) {
    return start(dynamo, sqs, storage, name, tasks, options, Observability.off(), expressHistory);
  }

  /** @param storage where Distributed Maps read items and write results (s3rver, say) */
  public static LocalRuntime start(DynamoDbClient dynamo, SqsClient sqs, ObjectStorage storage, String name,
      TaskInvoker tasks, Options options, Observability observability) {
    return start(dynamo, sqs, storage, name, tasks, options, observability, observability.expressHistory());
  }

  private static LocalRuntime start(DynamoDbClient dynamo, SqsClient sqs, ObjectStorage storage, String name,
      TaskInvoker tasks, Options options, Observability observability, ExpressHistory expressHistory) {
    boolean tableExisted = !Table.ensureActive(dynamo, name);
    boolean resuming = tableExisted && !sqs.listQueues(r -> r.queueNamePrefix(name)).queueUrls().stream()
        .anyMatch(url -> url.endsWith("/" + name));
    String dlq = sqs.createQueue(r -> r.queueName(name + "-dlq")).queueUrl();
    String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    String queue = sqs.createQueue(r -> r.queueName(name).attributes(Map.of(
        QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(options.visibilityTimeoutSeconds()),
        QueueAttributeName.REDRIVE_POLICY,
        "{\"maxReceiveCount\":\"" + options.maxReceiveCount() + "\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}"))).queueUrl();
    // Express executions run whole from one message, for up to 5 minutes: their own queue, whose
    // visibility outlasts a run, so a redelivery (and rerun) follows only a crash, as on AWS.
    String express = sqs.createQueue(r -> r.queueName(name + "-express").attributes(Map.of(
        QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(EXPRESS_VISIBILITY.toSeconds()),
        QueueAttributeName.REDRIVE_POLICY,
        "{\"maxReceiveCount\":\"" + options.maxReceiveCount() + "\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}"))).queueUrl();
    RuntimeConfig config = new RuntimeConfig(name, queue, Duration.ofMillis(options.visibilityTimeoutSeconds() * 1000L - 500))
        .withLimits(options.maxEvents(), options.maxReceiveCount());
    Runtime runtime = Runtime.onAws(dynamo, sqs, storage, tasks, config, observability, express, expressHistory);
    StepHandler handler = new StepHandler(runtime.worker(), runtime.express(), options.maxReceiveCount(), observability,
        options.handlerParallelism());
    if (resuming) {
      new Resumption(runtime.store(), new DynamoDbJoinStore(dynamo, name), new DynamoDbTokenStore(dynamo, name),
          new DynamoDbReaderCursors(dynamo, name), storage, runtime.machines(), new SqsStepQueue(sqs, queue),
          InstantSource.system()).resumeAll();
    }
    LocalEventSourceMapping mapping = new LocalEventSourceMapping(sqs, queue, event -> handler.handleRequest(event, null),
        options.batchSize(), options.pollers());
    LocalEventSourceMapping expressMapping = new LocalEventSourceMapping(sqs, express,
        event -> handler.handleRequest(event, null), options.batchSize(), EXPRESS_BATCH_WINDOW, options.pollers());
    return new LocalRuntime(runtime, mapping, expressMapping, queue, dlq);
  }

  public Runtime runtime() {
    return runtime;
  }

  public LocalEventSourceMapping.Stats mappingStats() {
    return mapping.stats();
  }

  /** The Express queue's mapping: one message per invocation, each a whole Express execution. */
  public LocalEventSourceMapping.Stats expressMappingStats() {
    return expressMapping.stats();
  }

  public String queueUrl() {
    return queueUrl;
  }

  public String deadLetterQueueUrl() {
    return deadLetterQueueUrl;
  }

  @Override
  public void close() {
    expressMapping.close();
    mapping.close();
  }
}
