package io.stepwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import io.stepwise.runtime.Activities;
import io.stepwise.runtime.ApiException;
import io.stepwise.runtime.Pause;
import java.time.Duration;
import java.util.Optional;

/**
 * CreateActivity, DescribeActivity, ListActivities, DeleteActivity and GetActivityTask.
 * GetActivityTask long-polls, as on AWS, for up to 60 s (the bound is configurable for tests);
 * it holds only its own request while it waits.
 */
final class ActivityOps {
  private final Activities activities;
  private final TagOps tags;
  private final Arns arns;
  private final Duration pollTimeout;

  ActivityOps(Activities activities, TagOps tags, Arns arns, Duration pollTimeout) {
    this.activities = activities;
    this.tags = tags;
    this.arns = arns;
    this.pollTimeout = pollTimeout;
  }

  /** Idempotent: creating an activity that exists returns it. */
  JsonNode create(Request request) {
    String name = Arns.checkName(request.required("name"));
    ObjectNode given = tags.checked(request.body().get("tags"));
    Activities.Activity activity = activities.create(arns.activity(name), name);
    tags.putAtCreate(activity.arn(), given);
    return Shapes.putTime(Json.object().put("activityArn", activity.arn()), "creationDate", activity.creationDate());
  }

  JsonNode describe(Request request) {
    String arn = Arns.checkActivity(request.required("activityArn"));
    Activities.Activity activity = activities.describe(arn).orElseThrow(() -> missing(arn));
    return summary(activity);
  }

  JsonNode list(Request request) {
    int max = request.maxResults();
    Activities.Page page = activities.list(PageTokens.decode("ListActivities", request.nextToken(1024)), max);
    ArrayNode items = Json.array();
    for (Activities.Activity activity : page.activities()) items.add(summary(activity));
    ObjectNode response = Json.object();
    response.set("activities", items);
    return Shapes.putText(response, "nextToken", PageTokens.encode("ListActivities", page.nextCursor()));
  }

  JsonNode delete(Request request) {
    String arn = Arns.checkActivity(request.required("activityArn"));
    activities.delete(arn);
    tags.deleteAll(arn);
    return Json.object();
  }

  /** The oldest waiting task's token and input; {@code {}} when none came within the poll. */
  JsonNode getTask(Request request) {
    String arn = Arns.checkActivity(request.required("activityArn"));
    String workerName = request.string("workerName", 80);
    if (activities.describe(arn).isEmpty()) throw missing(arn);
    long deadline = System.nanoTime() + pollTimeout.toNanos();
    for (long pause = 50; ; pause = Math.min(1000, pause * 2)) {
      Optional<Activities.ActivityTask> task = activities.poll(arn, workerName);
      if (task.isPresent()) return Json.object().put("taskToken", task.get().taskToken()).put("input", task.get().input());
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) return Json.object();
      Pause.millis(Math.min(pause, left));
    }
  }

  private static ObjectNode summary(Activities.Activity activity) {
    return Shapes.putTime(Json.object().put("activityArn", activity.arn()).put("name", activity.name()),
        "creationDate", activity.creationDate());
  }

  private static ApiException missing(String arn) {
    return new ApiException("ActivityDoesNotExist", "Activity Does Not Exist: '" + arn + "'");
  }
}
