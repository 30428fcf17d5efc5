package io.stepwise.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One element of a state's Catch array.
 *
 * @param resultPath JSONPath ResultPath for the error output ({@link PathField})
 * @param output JSONata Output template, or null
 * @param assign Assign template, or null
 * @param field the catcher as AWS names it in a cause ({@code Catch[1]}, so {@code Catch[1]/Output/v})
 */
public record Catcher(List<String> errorEquals, String next, PathField resultPath, JsonNode output, Assign assign,
    String field) {
  public boolean matches(String error) {
    return ErrorMatch.matches(errorEquals, error);
  }

  /** As {@link #matches(String)}; without {@code wildcards}, only when ErrorEquals names the error. */
  public boolean matches(String error, boolean wildcards) {
    return ErrorMatch.matches(errorEquals, error, wildcards);
  }
}
