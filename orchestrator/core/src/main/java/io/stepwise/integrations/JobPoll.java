package io.stepwise.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How a {@code .sync} integration follows the job it started: the API call that describes it,
 * how to read its status, and the call that stops it when the execution stops.
 *
 * @param describe the request that describes the job, from the start call's request and result
 * @param status the job's status from the describe call's result
 * @param stop the request that stops the job, from the start call's request and result
 */
public record JobPoll(String describeAction, BiFunction<JsonNode, JsonNode, JsonNode> describe, Function<JsonNode, JobStatus> status,
    String stopAction, BiFunction<JsonNode, JsonNode, JsonNode> stop) {

  /** A job's state as its describe call shows it. */
  public sealed interface JobStatus {
    record Running() implements JobStatus {}

    /** @param result the Task's result (the job's description, as Step Functions returns it) */
    record Succeeded(JsonNode result) implements JobStatus {}

    record Failed(String error, String cause) implements JobStatus {}
  }
}
