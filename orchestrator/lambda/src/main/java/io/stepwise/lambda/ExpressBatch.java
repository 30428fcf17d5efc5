package io.stepwise.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.stepwise.express.ExpressRunner;
import io.stepwise.runtime.StepMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The Express executions in a batch of queue messages, run side by side: each may wait on its
 * tasks and Wait states for minutes, and one invocation then bills the longest of them, not
 * their sum, while the batch shares one receive and one delete.
 */
final class ExpressBatch {
  private final ExpressRunner runner;
  private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "stepwise-express");
    thread.setDaemon(true);
    return thread;
  });

  ExpressBatch(ExpressRunner runner) {
    this.runner = runner;
  }

  /**
   * Runs the batch's Express messages to their ends and returns the other messages, in order.
   *
   * @param failed collects the ids of messages whose run failed to start or crashed (they come back)
   */
  List<SQSEvent.SQSMessage> runAll(List<SQSEvent.SQSMessage> messages, List<String> failed) {
    List<SQSEvent.SQSMessage> others = new ArrayList<>();
    List<SQSEvent.SQSMessage> started = new ArrayList<>();
    List<Future<?>> runs = new ArrayList<>();
    for (SQSEvent.SQSMessage message : messages) {
      StepMessage step = express(message);
      if (step == null) {
        others.add(message);
        continue;
      }
      started.add(message);
      runs.add(threads.submit(() -> runner.process(step))); // a redelivery runs it again: at-least-once
    }
    for (int i = 0; i < runs.size(); i++) {
      try {
        runs.get(i).get();
      } catch (Exception e) {
        System.err.println("stepwise: Express message " + started.get(i).getMessageId() + " failed: " + e);
        failed.add(started.get(i).getMessageId());
      }
    }
    return others;
  }

  private static StepMessage express(SQSEvent.SQSMessage message) {
    try {
      StepMessage step = StepMessage.fromJson(message.getBody());
      return step.kind() == StepMessage.Kind.EXPRESS ? step : null;
    } catch (RuntimeException notAStepMessage) {
      return null; // the step worker's path reports it
    }
  }
}
