package io.stepwise.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.stepwise.integrations.JobPoll.JobStatus;
import io.stepwise.json.Json;
import org.junit.jupiter.api.Test;

/** How each .sync job's describe result reads: running, succeeded with its description, failed. */
class JobsTest {
  @Test
  void batch_failedJob_failsTheTaskWithItsDescription() {
    var failed = assertInstanceOf(JobStatus.Failed.class,
        Jobs.BATCH.status().apply(Json.parse("{\"Jobs\": [{\"JobId\": \"1\", \"Status\": \"FAILED\", \"StatusReason\": \"oom\"}]}")));
    assertEquals("States.TaskFailed", failed.error());
    assertEquals(Json.parse("{\"JobId\": \"1\", \"Status\": \"FAILED\", \"StatusReason\": \"oom\"}"), Json.parse(failed.cause()));
    assertInstanceOf(JobStatus.Running.class, Jobs.BATCH.status().apply(Json.parse("{\"Jobs\": [{\"Status\": \"RUNNABLE\"}]}")));
  }

  @Test
  void ecs_stoppedTaskWithANonZeroExit_fails_andWithZero_succeeds() {
    assertInstanceOf(JobStatus.Failed.class, Jobs.ECS.status().apply(Json.parse(
        "{\"Tasks\": [{\"LastStatus\": \"STOPPED\", \"Containers\": [{\"ExitCode\": 2}]}]}")));
    assertInstanceOf(JobStatus.Succeeded.class, Jobs.ECS.status().apply(Json.parse(
        "{\"Tasks\": [{\"LastStatus\": \"STOPPED\", \"Containers\": [{\"ExitCode\": 0}]}]}")));
  }

  @Test
  void glueAthenaCodeBuild_readTheirOwnStates() {
    assertInstanceOf(JobStatus.Failed.class, Jobs.GLUE.status().apply(Json.parse("{\"JobRun\": {\"JobRunState\": \"TIMEOUT\"}}")));
    assertInstanceOf(JobStatus.Failed.class,
        Jobs.ATHENA.status().apply(Json.parse("{\"QueryExecution\": {\"Status\": {\"State\": \"CANCELLED\"}}}")));
    var built = assertInstanceOf(JobStatus.Succeeded.class,
        Jobs.CODEBUILD.status().apply(Json.parse("{\"Builds\": [{\"Id\": \"b\", \"BuildStatus\": \"SUCCEEDED\"}]}")));
    assertEquals("b", built.result().path("Build").path("Id").asText());
  }

  @Test
  void stopRequests_nameTheJobTheStartCallReturned() {
    assertEquals(Json.parse("{\"JobName\": \"j\", \"JobRunIds\": [\"jr_1\"]}"),
        Jobs.GLUE.stop().apply(Json.parse("{\"JobName\": \"j\"}"), Json.parse("{\"JobRunId\": \"jr_1\"}")));
    assertEquals("abc", Jobs.ATHENA.stop().apply(Json.object(), Json.parse("{\"QueryExecutionId\": \"abc\"}"))
        .path("QueryExecutionId").asText());
  }
}
