package io.stepwise.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Command;
import io.stepwise.integrations.Integration;
import io.stepwise.integrations.IntegrationPattern;
import io.stepwise.integrations.Integrations;
import io.stepwise.integrations.JobPoll;
import io.stepwise.json.Json;
import java.time.InstantSource;
import java.util.Optional;

/**
 * {@code .sync} jobs (Batch, ECS, Glue, Athena, CodeBuild): the task starts the job and waits on
 * its token, holding no compute; a delayed {@code JOB_POLL} message checks the job through its
 * describe call and comes back later while it runs. When it ends, the task gets the job's
 * description, or fails with the job's failure. When the execution no longer waits on the task
 * (stopped, timed out, failed), the next poll stops the job, as Step Functions does.
 */
final class SyncJobs implements TaskInvoker {
  private final TaskInvoker tasks;
  private final Integrations registry;
  private final TokenStore tokens;
  private final ExecutionStore store;
  private final Callbacks callbacks;
  private final StepQueue queue;
  private final InstantSource clock;

  /** The first check comes this soon; later ones back off to {@link #MAX_INTERVAL_SECONDS}. */
  static final int FIRST_INTERVAL_SECONDS = 2;
  static final int MAX_INTERVAL_SECONDS = 60;

  SyncJobs(TaskInvoker tasks, Integrations registry, TokenStore tokens, ExecutionStore store, Callbacks callbacks,
      StepQueue queue, InstantSource clock) {
    this.tasks = tasks;
    this.registry = registry;
    this.tokens = tokens;
    this.store = store;
    this.callbacks = callbacks;
    this.queue = queue;
    this.clock = clock;
  }

  /** Starts the task's call; a started {@code .sync} job is then polled. */
  @Override
  public TaskOutcome invoke(Command.InvokeTask call) {
    TaskOutcome outcome = tasks.invoke(call);
    Optional<JobPoll> job = job(call.resource());
    if (job.isPresent() && call.token() != null && outcome.succeeded()) {
      ObjectNode poll = Json.object().put("resource", call.resource()).put("state", call.stateName());
      poll.set("request", call.payload());
      poll.set("started", outcome.result());
      if (call.role() != null) {
        poll.put("machineRole", call.role().machineRoleArn()).put("credentialsRole", call.role().credentialsRoleArn());
      }
      sendLater(new StepMessage(call.executionArn(), 0, StepMessage.Kind.JOB_POLL, 0, poll, null, null, 0, call.token()));
    }
    return outcome;
  }

  /** One check on a job; the message is always done with (a running job gets a new one). */
  StepWorker.Outcome poll(StepMessage message) {
    JsonNode p = message.result();
    JobPoll job = job(p.path("resource").asText()).orElse(null);
    TokenStore.TaskToken token = tokens.get(message.token()).orElse(null);
    if (job == null || token == null) return StepWorker.Outcome.ACK;
    ExecutionRecord record = store.load(token.executionArn()).orElse(null);
    if (record == null) return StepWorker.Outcome.ACK;
    if (record.seq() < token.seq()) { // the transition that waits has not committed yet
      sendLater(message);
      return StepWorker.Outcome.ACK;
    }
    boolean waiting = record.seq() == token.seq() && message.token().equals(record.state().taskToken());
    if (!waiting || token.closed()) {
      call(message, p, job.stopAction(), job.stop().apply(p.get("request"), p.get("started")));
      return StepWorker.Outcome.ACK;
    }
    TaskOutcome described = call(message, p, job.describeAction(), job.describe().apply(p.get("request"), p.get("started")));
    try {
      if (!described.succeeded()) {
        callbacks.sendTaskFailure(message.token(), described.error(), described.cause());
      } else if (job.status().apply(described.result()) instanceof JobPoll.JobStatus.Succeeded done) {
        callbacks.sendTaskSuccess(message.token(), Json.write(done.result()));
      } else if (job.status().apply(described.result()) instanceof JobPoll.JobStatus.Failed failed) {
        callbacks.sendTaskFailure(message.token(), failed.error(), failed.cause());
      } else {
        sendLater(message);
      }
    } catch (ApiException taskEnded) {
      // The task ended some other way in between (timeout, stop): nothing to answer.
    }
    return StepWorker.Outcome.ACK;
  }

  /** The job's describe or stop call, through the same invoker and credentials as the task. */
  private TaskOutcome call(StepMessage message, JsonNode p, String action, JsonNode parameters) {
    Integration.AwsCall api = (Integration.AwsCall) ((Integrations.Lookup.Found) registry.lookup(p.path("resource").asText()))
        .target().integration().call();
    String resource = "arn:aws:states:::aws-sdk:" + api.sdkService() + ":" + action;
    return tasks.invoke(new Command.InvokeTask(message.executionArn(), p.path("state").asText(), resource, parameters, null,
        null, null, new Command.TaskRole(text(p, "machineRole"), text(p, "credentialsRole"))));
  }

  private static String text(JsonNode p, String field) {
    return p.hasNonNull(field) ? p.get(field).asText() : null;
  }

  private Optional<JobPoll> job(String resource) {
    if (!(registry.lookup(resource) instanceof Integrations.Lookup.Found found)) return Optional.empty();
    if (found.target().pattern() != IntegrationPattern.RUN_JOB) return Optional.empty();
    return found.target().integration().call() instanceof Integration.AwsCall api ? Optional.ofNullable(api.job())
        : Optional.empty();
  }

  /** The next check, each one half as far again as the last: a long job costs few invocations. */
  private void sendLater(StepMessage message) {
    ObjectNode p = ((ObjectNode) message.result()).deepCopy();
    int polls = p.path("polls").asInt(0);
    p.put("polls", polls + 1);
    int seconds = (int) Math.min(MAX_INTERVAL_SECONDS, Math.round(FIRST_INTERVAL_SECONDS * Math.pow(1.5, polls)));
    queue.send(new StepMessage(message.executionArn(), 0, StepMessage.Kind.JOB_POLL, clock.millis() + seconds * 1000L, p,
        null, null, 0, message.token()), seconds);
  }
}
