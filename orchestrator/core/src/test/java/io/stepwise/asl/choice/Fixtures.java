package io.stepwise.asl.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Diagnostics;
import io.stepwise.eval.Scope;
import io.stepwise.eval.Sources;
import io.stepwise.json.Json;
import java.util.List;
import java.util.Map;

/** Small helpers for the choice tests: JSON written with single quotes for readability. */
final class Fixtures {
  static final String AT = "/States/Check/Choices[0]";

  private Fixtures() {}

  static JsonNode json(String singleQuoted) {
    return Json.parse(singleQuoted.replace('\'', '"'));
  }

  /** Parses a nested (Next-less) rule that must be valid. */
  static ChoiceRule rule(String singleQuoted) {
    Diagnostics problems = new Diagnostics();
    ChoiceRule rule = ChoiceRules.parse(json(singleQuoted), AT, false, problems);
    assertEquals(List.of(), problems.all(), "diagnostics");
    assertNotNull(rule);
    return rule;
  }

  static Scope input(String singleQuoted) {
    return new Scope(json(singleQuoted), Json.object(), Map.of(), Sources.fixed(java.time.Instant.EPOCH, 7));
  }
}
