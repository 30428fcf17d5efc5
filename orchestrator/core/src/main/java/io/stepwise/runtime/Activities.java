package io.stepwise.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.engine.Command;
import io.stepwise.engine.Resource;
import io.stepwise.json.Json;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Activities: work done by the user's own workers. A Task state whose resource is an activity
 * queues its task here (with its task token) and waits like a {@code .waitForTaskToken} task;
 * a worker claims it with GetActivityTask and answers with SendTaskSuccess, SendTaskFailure and
 * SendTaskHeartbeat. A task is claimed by a conditional delete, so two workers never get the same one.
 */
public final class Activities implements TaskInvoker {
  private static final String ACTIVITIES = "ACTIVITIES";

  private final DocumentStore documents;
  private final TaskCallbacks callbacks;
  private final InstantSource clock;
  private final TaskInvoker others;

  public Activities(DocumentStore documents, TaskCallbacks callbacks, InstantSource clock, TaskInvoker others) {
    this.documents = documents;
    this.callbacks = callbacks;
    this.clock = clock;
    this.others = others;
  }

  public record Activity(String arn, String name, Instant creationDate) {}

  /** A task handed to a worker. */
  public record ActivityTask(String taskToken, String input) {}

  /** Creates the activity, or returns the one that exists under its ARN. */
  public Activity create(String arn, String name) {
    Instant now = clock.instant();
    documents.create(ACTIVITIES, arn, Json.object().put("name", name).put("created", now.toEpochMilli()));
    return describe(arn).orElseThrow(() -> new IllegalStateException("lost activity " + arn));
  }

  public Optional<Activity> describe(String arn) {
    return documents.get(ACTIVITIES, arn).map(doc -> activity(arn, doc));
  }

  public Page list(String after, int max) {
    DocumentStore.Page page = documents.list(ACTIVITIES, after, max, false);
    List<Activity> activities = new ArrayList<>();
    for (DocumentStore.Entry entry : page.entries()) activities.add(activity(entry.id(), entry.doc()));
    return new Page(activities, page.nextCursor());
  }

  public record Page(List<Activity> activities, String nextCursor) {}

  public void delete(String arn) {
    documents.delete(ACTIVITIES, arn);
  }

  /** Queues an activity Task's input for a worker; other resources go on to the next invoker. */
  @Override
  public TaskOutcome invoke(Command.InvokeTask call) {
    Resource resource = Resource.parse(call.resource());
    if (!resource.isActivity()) return others.invoke(call);
    if (describe(call.resource()).isEmpty()) throw new DoesNotExist(call.resource());
    // Ids sort by the time queued, so workers take the oldest task first.
    String id = String.format("%015d#%s", clock.millis(), Integer.toHexString(call.token().hashCode()));
    documents.create(queue(call.resource()), id, Json.object().put("token", call.token()).put("input", Json.write(call.payload())));
    return TaskOutcome.success(Json.object());
  }

  /**
   * Claims the oldest waiting task, if any, for the worker {@code workerName} (null for none):
   * its execution records ActivityStarted now. Tasks whose execution no longer waits on them (it
   * timed out, was stopped, or a redelivered transition queued the task again with a new token)
   * are dropped on the way.
   */
  public Optional<ActivityTask> poll(String activityArn, String workerName) {
    DocumentStore.Page waiting = documents.list(queue(activityArn), null, 10, false);
    for (DocumentStore.Entry entry : waiting.entries()) {
      if (!documents.delete(queue(activityArn), entry.id())) continue; // another worker took it
      JsonNode doc = entry.doc();
      String token = doc.path("token").asText();
      if (callbacks.activityStarted(token, workerName)) return Optional.of(new ActivityTask(token, doc.path("input").asText()));
    }
    return Optional.empty();
  }

  /** A Task names an activity that does not exist (deleted, or never created). */
  static final class DoesNotExist extends RuntimeException {
    DoesNotExist(String arn) {
      super("The activity " + arn + " does not exist.");
    }
  }

  private static Activity activity(String arn, JsonNode doc) {
    return new Activity(arn, doc.path("name").asText(), Instant.ofEpochMilli(doc.path("created").longValue()));
  }

  private static String queue(String activityArn) {
    return "AT#" + activityArn;
  }
}
