package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.FieldChecks.at;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Diagnostics;
import io.stepwise.eval.jsonata.Jsonata;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JSONata state may read $states.result and $states.errorOutput: the result only in the
 * Output and Assign of a Task, Map or Parallel, the error output only in a Catcher. Elsewhere
 * "attempting to access [them] ... will be caught at creation" (Transforming data with JSONata page).
 */
final class StatesReferenceChecks {
  private static final Pattern REFERENCE = Pattern.compile("\\$states\\.(result|errorOutput)\\b");
  private static final Set<String> WITH_RESULT = Set.of("Task", "Map", "Parallel");
  /** Nested states, checked on their own. */
  private static final Set<String> NESTED = Set.of("Branches", "ItemProcessor", "Iterator");

  private StatesReferenceChecks() {}

  static void check(Diagnostics problems, JsonNode state, String loc, String type) {
    for (Iterator<Map.Entry<String, JsonNode>> it = state.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = e.getKey();
      if (NESTED.contains(field)) continue;
      if (field.equals("Catch")) {
        scan(problems, e.getValue(), at(loc, field), false, true);
      } else {
        boolean result = WITH_RESULT.contains(type) && (field.equals("Output") || field.equals("Assign"));
        scan(problems, e.getValue(), at(loc, field), result, false);
      }
    }
  }

  private static void scan(Diagnostics problems, JsonNode value, String loc, boolean result, boolean errorOutput) {
    if (value.isTextual() && Jsonata.isExpression(value.asText())) {
      Matcher m = REFERENCE.matcher(Jsonata.body(value.asText()));
      while (m.find()) {
        boolean allowed = m.group(1).equals("result") ? result : errorOutput;
        // AWS's words for errorOutput outside a Catcher (floci-io/floci PR #2699); result is the same rule
        if (!allowed) problems.add(Diagnostics.UNSUPPORTED_JSONATA, loc, "Field '$states." + m.group(1) + "' does not exist.");
      }
    } else if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        scan(problems, e.getValue(), at(loc, e.getKey()), result, errorOutput);
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) scan(problems, value.get(i), at(loc, i), result, errorOutput);
    }
  }
}
