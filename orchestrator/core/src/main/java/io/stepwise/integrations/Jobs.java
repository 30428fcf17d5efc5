package io.stepwise.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.ErrorNames;
import io.stepwise.integrations.JobPoll.JobStatus;
import io.stepwise.json.Json;
import java.util.Set;

/**
 * The {@code .sync} jobs: how Step Functions follows each, on the job's own describe call. A job
 * that ends badly fails the Task with {@code States.TaskFailed} and its description as the cause.
 */
final class Jobs {
  private Jobs() {}

  static final JobPoll BATCH = new JobPoll("describeJobs",
      (request, started) -> Json.object().set("Jobs", Json.array().add(started.path("JobId").asText())),
      described -> status(described.path("Jobs").path(0), "Status", Set.of("SUCCEEDED"), Set.of("FAILED")),
      "terminateJob", (request, started) -> Json.object().put("JobId", started.path("JobId").asText())
          .put("Reason", "The execution of the state machine stopped"));

  static final JobPoll ECS = new JobPoll("describeTasks",
      (request, started) -> Json.object().put("Cluster", cluster(request, started))
          .set("Tasks", Json.array().add(started.path("Tasks").path(0).path("TaskArn").asText())),
      described -> ecsStatus(described.path("Tasks").path(0)),
      "stopTask", (request, started) -> Json.object().put("Cluster", cluster(request, started))
          .put("Task", started.path("Tasks").path(0).path("TaskArn").asText())
          .put("Reason", "The execution of the state machine stopped"));

  static final JobPoll GLUE = new JobPoll("getJobRun",
      (request, started) -> Json.object().put("JobName", request.path("JobName").asText())
          .put("RunId", started.path("JobRunId").asText()),
      described -> status(described.path("JobRun"), "JobRunState", Set.of("SUCCEEDED"),
          Set.of("FAILED", "ERROR", "TIMEOUT", "STOPPED", "EXPIRED")),
      "batchStopJobRun", (request, started) -> Json.object().put("JobName", request.path("JobName").asText())
          .set("JobRunIds", Json.array().add(started.path("JobRunId").asText())));

  static final JobPoll ATHENA = new JobPoll("getQueryExecution",
      (request, started) -> Json.object().put("QueryExecutionId", started.path("QueryExecutionId").asText()),
      described -> athenaStatus(described),
      "stopQueryExecution",
      (request, started) -> Json.object().put("QueryExecutionId", started.path("QueryExecutionId").asText()));

  static final JobPoll CODEBUILD = new JobPoll("batchGetBuilds",
      (request, started) -> Json.object().set("Ids", Json.array().add(started.path("Build").path("Id").asText())),
      described -> codeBuildStatus(described.path("Builds").path(0)),
      "stopBuild", (request, started) -> Json.object().put("Id", started.path("Build").path("Id").asText()));

  private static JobStatus status(JsonNode job, String field, Set<String> succeeded, Set<String> failed) {
    String state = job.path(field).asText("");
    if (succeeded.contains(state)) return new JobStatus.Succeeded(job);
    if (failed.contains(state)) return new JobStatus.Failed(ErrorNames.TASK_FAILED, Json.write(job));
    return new JobStatus.Running();
  }

  private static JobStatus athenaStatus(JsonNode described) {
    String state = described.path("QueryExecution").path("Status").path("State").asText("");
    if (state.equals("SUCCEEDED")) return new JobStatus.Succeeded(described);
    if (state.equals("FAILED") || state.equals("CANCELLED")) {
      return new JobStatus.Failed(ErrorNames.TASK_FAILED, Json.write(described));
    }
    return new JobStatus.Running();
  }

  private static JobStatus codeBuildStatus(JsonNode build) {
    String state = build.path("BuildStatus").asText("");
    if (state.equals("SUCCEEDED")) return new JobStatus.Succeeded(Json.object().set("Build", build));
    if (state.isEmpty() || state.equals("IN_PROGRESS")) return new JobStatus.Running();
    return new JobStatus.Failed(ErrorNames.TASK_FAILED, Json.write(Json.object().set("Build", build)));
  }

  /** An ECS task succeeds when it stopped with every essential container's exit code 0. */
  private static JobStatus ecsStatus(JsonNode task) {
    if (!task.path("LastStatus").asText("").equals("STOPPED")) return new JobStatus.Running();
    for (JsonNode container : task.path("Containers")) {
      if (container.path("ExitCode").asInt(0) != 0) return new JobStatus.Failed(ErrorNames.TASK_FAILED, Json.write(task));
    }
    return new JobStatus.Succeeded(task);
  }

  private static String cluster(JsonNode request, JsonNode started) {
    JsonNode arn = started.path("Tasks").path(0).path("ClusterArn");
    return arn.isTextual() ? arn.asText() : request.path("Cluster").asText("default");
  }
}
