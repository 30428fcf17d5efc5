package io.stepwise.lambda;

import io.stepwise.driver.VirtualClock;
import io.stepwise.express.ExpressHistory;
import io.stepwise.express.ExpressRunner;
import io.stepwise.aws.dynamodb.DynamoDbDocumentStore;
import io.stepwise.aws.dynamodb.DynamoDbExecutionStore;
import io.stepwise.aws.dynamodb.DynamoDbStateMachineStore;
import io.stepwise.aws.dynamodb.DynamoDbJoinStore;
import io.stepwise.aws.dynamodb.DynamoDbReaderCursors;
import io.stepwise.aws.dynamodb.DynamoDbTokenStore;
import io.stepwise.aws.sqs.SqsStepQueue;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.engine.Engine;
import io.stepwise.engine.Entropy;
import io.stepwise.items.ObjectStorage;
import io.stepwise.runtime.Activities;
import io.stepwise.runtime.Callbacks;
import io.stepwise.runtime.DocumentStore;
import io.stepwise.runtime.MachineAliases;
import io.stepwise.runtime.PublishedVersions;
import io.stepwise.runtime.ReaderCursors;
import io.stepwise.runtime.StartTargets;
import io.stepwise.runtime.TaskCallbacks;
import io.stepwise.runtime.TokenStore;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.Executions;
import io.stepwise.runtime.JoinStore;
import io.stepwise.runtime.NestedWorkflows;
import io.stepwise.runtime.StateMachines;
import io.stepwise.runtime.StepQueue;
import io.stepwise.runtime.StepWorker;
import io.stepwise.runtime.Pause;
import io.stepwise.runtime.TransitionObserver;
import java.time.Duration;
import java.time.InstantSource;
import java.security.SecureRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The runtime wired by hand: store, queue, task invoker, engine and clock, and the two things
 * built from them, the step worker and StartExecution. Handlers, the local stack and tests all
 * make one of these.
 */
public final class Runtime {
  private final ExecutionStore store;
  private final StateMachines machines;
  private final StepWorker worker;
  private final Executions executions;
  private final Callbacks callbacks;
  private final DocumentStore documents;
  private final PublishedVersions versions;
  private final MachineAliases aliases;
  private final Activities activities;
  private final TaskInvoker tasks;
  private final TaskInvoker integrations;
  private final JoinStore joins;
  private final ExpressRunner express;

  public Runtime(ExecutionStore store, TokenStore tokens, JoinStore joins, StateMachines machines, DocumentStore documents,
      StepQueue queue, TaskInvoker tasks, InstantSource clock, Duration lease) {
    this(store, tokens, joins, ReaderCursors.NONE, ObjectStorage.NONE, machines, documents, queue, tasks, clock, lease,
        Engine.DEFAULT_MAX_EVENTS);
  }

  /** @param maxEvents the most history events one execution may have */
  public Runtime(ExecutionStore store, TokenStore tokens, JoinStore joins, StateMachines machines, DocumentStore documents,
      StepQueue queue, TaskInvoker tasks, InstantSource clock, Duration lease, long maxEvents) {
    this(store, tokens, joins, ReaderCursors.NONE, ObjectStorage.NONE, machines, documents, queue, tasks, clock, lease,
        maxEvents);
  }

  /**
   * @param cursors and {@code storage}: for Distributed Maps' ItemReader and ResultWriter
   * @param maxEvents the most history events one execution may have
   */
  public Runtime(ExecutionStore store, TokenStore tokens, JoinStore joins, ReaderCursors cursors, ObjectStorage storage,
      StateMachines machines, DocumentStore documents, StepQueue queue, TaskInvoker tasks, InstantSource clock,
      Duration lease, long maxEvents) {
    this(store, tokens, joins, cursors, storage, machines, documents, queue, tasks, clock, lease, maxEvents,
        TransitionObserver.NONE, queue, ExpressHistory.NONE);
  }

  /**
   * @param observer told of every committed transition (metrics, logs)
   * @param expressQueue where StartExecution sends an Express execution's one message
   * @param expressHistory where Express executions' histories go
   */
  public Runtime(ExecutionStore store, TokenStore tokens, JoinStore joins, ReaderCursors cursors, ObjectStorage storage,
      StateMachines machines, DocumentStore documents, StepQueue queue, TaskInvoker tasks, InstantSource clock,
      Duration lease, long maxEvents, TransitionObserver observer, StepQueue expressQueue, ExpressHistory expressHistory) {
    this.store = store;
    this.machines = machines;
    this.documents = documents;
    this.joins = joins;
    this.versions = new PublishedVersions(documents);
    this.aliases = new MachineAliases(documents);
    Engine engine = new Engine(Entropy.secure(), maxEvents);
    this.executions = new Executions(store, machines, queue, clock,
        new StartTargets(machines.store(), versions, aliases, new SecureRandom()), expressQueue);
    TaskCallbacks taskCallbacks = new TaskCallbacks(store, tokens, queue, clock);
    this.callbacks = taskCallbacks;
    this.activities = new Activities(documents, taskCallbacks, clock, tasks);
    TaskInvoker nested = new NestedWorkflows(executions, activities);
    TaskInvoker allTasks = call -> tasks.overrides(call) ? tasks.invoke(call) : nested.invoke(call);
    this.tasks = allTasks;
    this.integrations = tasks;
    this.worker = new StepWorker(store, tokens, joins, cursors, storage, machines, queue, allTasks, engine, clock, lease,
        Pause::millis, observer);
    this.express = new ExpressRunner(machines, engine, allTasks, VirtualClock.sleeping(clock), expressHistory);
  }

  /** On DynamoDB and SQS clients, with the settings of {@link RuntimeConfig}; no ItemReader or ResultWriter. */
  public static Runtime onAws(DynamoDbClient dynamo, SqsClient sqs, TaskInvoker tasks, RuntimeConfig config) {
    return onAws(dynamo, sqs, ObjectStorage.NONE, tasks, config);
  }

  /** On DynamoDB and SQS clients, Distributed Maps reading and writing {@code storage}. */
  public static Runtime onAws(DynamoDbClient dynamo, SqsClient sqs, ObjectStorage storage, TaskInvoker tasks,
      RuntimeConfig config) {
    return onAws(dynamo, sqs, storage, tasks, config, TransitionObserver.NONE, null, ExpressHistory.NONE);
  }

  /**
   * @param observer told of every committed transition (metrics, logs)
   * @param expressQueueUrl the queue of Express executions' messages, whose consumer may run
   *     for 5 minutes; null for the step queue
   */
  public static Runtime onAws(DynamoDbClient dynamo, SqsClient sqs, ObjectStorage storage, TaskInvoker tasks,
      RuntimeConfig config, TransitionObserver observer, String expressQueueUrl, ExpressHistory expressHistory) {
    SqsStepQueue steps = new SqsStepQueue(sqs, config.queueUrl());
    return new Runtime(new DynamoDbExecutionStore(dynamo, config.table(), config.retention()), new DynamoDbTokenStore(dynamo, config.table(), config.retention()),
        new DynamoDbJoinStore(dynamo, config.table()), new DynamoDbReaderCursors(dynamo, config.table()), storage,
        new StateMachines(new DynamoDbStateMachineStore(dynamo, config.table())),
        new DynamoDbDocumentStore(dynamo, config.table()),
        steps, tasks, InstantSource.system(), config.lease(), config.maxEvents(), observer,
        expressQueueUrl == null ? steps : new SqsStepQueue(sqs, expressQueueUrl), expressHistory);
  }

  public ExecutionStore store() {
    return store;
  }

  public StateMachines machines() {
    return machines;
  }

  public StepWorker worker() {
    return worker;
  }

  /** Runs Express executions whole: StartSyncExecution, and StartExecution's message. */
  public ExpressRunner express() {
    return express;
  }

  public Executions executions() {
    return executions;
  }

  /** What the API keeps beside executions: versions, aliases, activities, tags. */
  public DocumentStore documents() {
    return documents;
  }

  /** The joins of Parallel and Map fan-outs (DescribeMapRun counts from them). */
  public JoinStore joins() {
    return joins;
  }

  public PublishedVersions versions() {
    return versions;
  }

  public MachineAliases aliases() {
    return aliases;
  }

  public Activities activities() {
    return activities;
  }

  /** Every Task resource the worker calls: nested workflows, activities, then the given invoker. */
  public TaskInvoker tasks() {
    return tasks;
  }

  /** The integrations' invoker this runtime was given (what {@link #tasks()} calls for everything but nested workflows and activities). */
  public TaskInvoker integrations() {
    return integrations;
  }

  /** SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat. */
  public Callbacks callbacks() {
    return callbacks;
  }
}
