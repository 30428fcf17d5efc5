package io.stepwise.local.stack;

import static io.stepwise.local.stack.StackTemplate.map;

import io.stepwise.local.runtime.LocalRuntime;
import java.util.Map;

/**
 * What the template says about the orchestrator itself, read for the local stack: the lease and
 * redrive settings, which resources are its table and queues, and which function starts executions.
 */
final class OrchestratorSettings {
  static final String STEP_HANDLER = "io.stepwise.lambda.StepHandler::handleRequest";
  static final String START_HANDLER = "io.stepwise.lambda.StartHandler::handleRequest";

  private OrchestratorSettings() {}

  /**
   * The step function's STEPWISE_LEASE_SECONDS (plus a second, since LocalRuntime's lease is the
   * visibility timeout less half a second) and the step queue's maxReceiveCount: a transition
   * that outlives a short local lease would run twice.
   */
  static LocalRuntime.Options runtimeOptions(StackTemplate template, LocalValues values) {
    LocalRuntime.Options defaults = LocalRuntime.Options.DEFAULT;
    int visibility = 61;
    long maxEvents = defaults.maxEvents();
    String stepFunction = functionWithHandler(template, values, STEP_HANDLER);
    if (stepFunction != null) {
      Object lease = template.functionEnvironment(stepFunction).get("STEPWISE_LEASE_SECONDS");
      if (lease != null) visibility = Integer.parseInt(values.text(lease).trim()) + 1;
      Object events = template.functionEnvironment(stepFunction).get("STEPWISE_MAX_EVENTS");
      if (events != null) maxEvents = Long.parseLong(values.text(events).trim());
    }
    int maxReceiveCount = defaults.maxReceiveCount();
    for (String queue : template.ofType("AWS::SQS::Queue")) {
      Object redrive = template.properties(queue).get("RedrivePolicy");
      if (redrive instanceof Map<?, ?> policy && policy.get("maxReceiveCount") != null) {
        maxReceiveCount = Integer.parseInt(values.text(policy.get("maxReceiveCount")).trim());
      }
    }
    return new LocalRuntime.Options(visibility, maxReceiveCount, defaults.pollers(), defaults.batchSize(), maxEvents);
  }

  /**
   * Points the template's table and queues at the local ones: the queue with a RedrivePolicy is
   * the step queue, the others its dead-letter queue.
   */
  static void defineStorage(StackTemplate template, LocalValues values, LocalRuntime local, String name) {
    String region = values.ref("AWS::Region");
    String account = values.ref("AWS::AccountId");
    for (String table : template.ofType("AWS::DynamoDB::Table")) {
      values.define(table, name);
      values.define(table + ".Arn", "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name);
    }
    for (String queue : template.ofType("AWS::SQS::Queue")) {
      boolean stepQueue = map(template.properties(queue)).containsKey("RedrivePolicy");
      String url = stepQueue ? local.queueUrl() : local.deadLetterQueueUrl();
      String queueName = url.substring(url.lastIndexOf('/') + 1);
      values.define(queue, url);
      values.define(queue + ".QueueName", queueName);
      values.define(queue + ".Arn", "arn:aws:sqs:" + region + ":" + account + ":" + queueName);
    }
  }

  /** The logical id of the function that starts executions (the schedules' target), or null. */
  static String startFunction(StackTemplate template, LocalValues values) {
    return functionWithHandler(template, values, START_HANDLER);
  }

  private static String functionWithHandler(StackTemplate template, LocalValues values, String handler) {
    for (String id : template.ofType("AWS::Serverless::Function")) {
      if (handler.equals(values.text(template.functionProperty(id, "Handler")))) return id;
    }
    return null;
  }
}
