package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.FieldChecks.at;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.validate.StateSchema.Lang;
import java.util.Set;

/** Checks of the Retry and Catch arrays of Task, Parallel and Map states. */
final class ErrorHandlingChecks {
  private static final String ALL = "States.ALL";
  /** "greater than 0 and less than 31622401" (a year and a day), as the error handling page says. */
  private static final long MAX_DELAY_SECONDS = 31_622_400L;
  private static final Set<String> RETRIER_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts",
      "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
  private static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Output",
      "Assign", "Comment");

  private final FieldChecks fields;

  ErrorHandlingChecks(FieldChecks fields) {
    this.fields = fields;
  }

  void retry(JsonNode retry, String loc) {
    if (!fields.array(retry, loc, false)) return;
    for (int i = 0; i < retry.size(); i++) {
      JsonNode retrier = retry.get(i);
      String here = at(loc, i);
      if (!fields.object(retrier, here)) continue;
      fields.onlyKnown(retrier, here, RETRIER_FIELDS);
      errorEquals(retrier, here, i == retry.size() - 1, "retrier");
      JsonNode v;
      if ((v = retrier.get("IntervalSeconds")) != null) {
        fields.integer(v, at(here, "IntervalSeconds"), 1, FieldChecks.MAX_SECONDS);
      }
      if ((v = retrier.get("MaxAttempts")) != null) {
        fields.integer(v, at(here, "MaxAttempts"), 0, FieldChecks.MAX_SECONDS);
      }
      if ((v = retrier.get("BackoffRate")) != null) {
        fields.number(v, at(here, "BackoffRate"), 1.0, Double.POSITIVE_INFINITY);
      }
      if ((v = retrier.get("MaxDelaySeconds")) != null) {
        fields.integer(v, at(here, "MaxDelaySeconds"), 1, MAX_DELAY_SECONDS);
      }
      if ((v = retrier.get("JitterStrategy")) != null && fields.string(v, at(here, "JitterStrategy"))
          && !Set.of("FULL", "NONE").contains(v.asText())) {
        fields.problems.schema(at(here, "JitterStrategy"), "JitterStrategy must be FULL or NONE");
      }
      comment(retrier, here);
    }
  }

  /** Checks catchers; their Next targets are checked with the other transitions. */
  void catchers(JsonNode catchers, String loc, Lang lang) {
    if (!fields.array(catchers, loc, false)) return;
    for (int i = 0; i < catchers.size(); i++) {
      JsonNode catcher = catchers.get(i);
      String here = at(loc, i);
      if (!fields.object(catcher, here)) continue;
      fields.onlyKnown(catcher, here, CATCHER_FIELDS);
      errorEquals(catcher, here, i == catchers.size() - 1, "catcher");
      if (fields.required(catcher, here, "Next")) fields.string(catcher.get("Next"), at(here, "Next"));
      JsonNode v;
      if ((v = fields.get(catcher, here, "ResultPath", lang)) != null) {
        fields.paths.resultPath(v, at(here, "ResultPath"));
      }
      if ((v = fields.get(catcher, here, "Output", lang)) != null) fields.expressions(v, at(here, "Output"));
      if ((v = catcher.get("Assign")) != null) StateChecks.assign(fields, v, at(here, "Assign"), lang);
      comment(catcher, here);
    }
  }

  /** ErrorEquals: a non-empty array of strings; States.ALL alone, and only in the last element. */
  private void errorEquals(JsonNode owner, String loc, boolean last, String what) {
    if (!fields.required(owner, loc, "ErrorEquals")) return;
    String here = at(loc, "ErrorEquals");
    JsonNode names = owner.get("ErrorEquals");
    if (!fields.array(names, here, true)) return;
    boolean hasAll = false;
    for (int i = 0; i < names.size(); i++) {
      if (fields.string(names.get(i), at(here, i)) && ALL.equals(names.get(i).asText())) hasAll = true;
    }
    if (hasAll && names.size() > 1) {
      fields.problems.schema(here, "States.ALL must appear alone in ErrorEquals");
    }
    if (hasAll && !last) {
      fields.problems.schema(here, "A " + what + " with States.ALL must be the last one");
    }
  }

  private void comment(JsonNode owner, String loc) {
    JsonNode c = owner.get("Comment");
    if (c != null) fields.string(c, at(loc, "Comment"));
  }
}
