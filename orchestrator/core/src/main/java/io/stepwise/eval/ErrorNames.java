package io.stepwise.eval;

/** Step Functions' predefined error names. */
public final class ErrorNames {
  public static final String ALL = "States.ALL";
  public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
  public static final String TIMEOUT = "States.Timeout";
  public static final String TASK_FAILED = "States.TaskFailed";
  public static final String PERMISSIONS = "States.Permissions";
  /**
   * A ResultPath that runs into a value it cannot step into. The ASL spec names this
   * States.ResultPathMatchFailure; AWS answers States.ReferencePathConflict.
   */
  public static final String REFERENCE_PATH_CONFLICT = "States.ReferencePathConflict";
  public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
  public static final String BRANCH_FAILED = "States.BranchFailed";
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
  public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
  public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
  public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
  public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
  public static final String RUNTIME = "States.Runtime";
  public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
  public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

  /**
   * The name an error is recorded and reported under. A missed heartbeat is States.Timeout in
   * the history, the execution's error and a catcher's output (as AWS records it); only an
   * ErrorEquals can tell it apart as States.HeartbeatTimeout (developer guide: "only available
   * inside the Catch and Retry fields").
   */
  public static String recorded(String error) {
    return HEARTBEAT_TIMEOUT.equals(error) ? TIMEOUT : error;
  }

  private ErrorNames() {}
}
