package io.stepwise.asl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.asl.Diagnostic;
import io.stepwise.asl.Diagnostics;
import io.stepwise.json.Json;
import java.util.Arrays;
import java.util.List;

/**
 * Shared vocabulary of the validator tests. Definitions are written with single quotes for
 * readability; expectations are {@code CODE@location} strings, compared as a multiset.
 */
final class ValidatorAssertions {
  static final String SCHEMA = Diagnostics.SCHEMA + "@";
  static final String TARGET = Diagnostics.MISSING_TRANSITION_TARGET + "@";
  static final String UNREACHABLE = Diagnostics.UNREACHABLE_STATE + "@";
  static final String NO_TERMINAL = Diagnostics.NO_TERMINAL_STATE + "@";
  static final String PATH = Diagnostics.INVALID_JSONPATH + "@";
  static final String RESOURCE = Diagnostics.INVALID_RESOURCE + "@";
  static final String DUPLICATE = Diagnostics.DUPLICATE_STATE_NAME + "@";
  static final String INVALID_JSONATA = Diagnostics.INVALID_JSONATA + "@";
  static final String UNSUPPORTED_JSONATA = Diagnostics.UNSUPPORTED_JSONATA + "@";
  static final String PASS_END = "{'Type':'Pass','End':true}";
  static final String LAMBDA = "'Resource':'arn:aws:lambda:us-east-1:123456789012:function:f'";
  static final String PROCESSOR = "{'StartAt':'I','States':{'I':" + PASS_END + "}}";

  private ValidatorAssertions() {}

  /** A machine whose only state is {@code state}, named A. */
  static String one(String state) {
    return "{'StartAt':'A','States':{'A':" + state + "}}";
  }

  /** The same in a JSONata machine. */
  static String oneJsonata(String state) {
    return "{'QueryLanguage':'JSONata','StartAt':'A','States':{'A':" + state + "}}";
  }

  /** Asserts that validating {@code definition} yields exactly the {@code expected} (code, location) pairs. */
  static void assertProblems(String definition, String... expected) {
    List<Diagnostic> problems = DefinitionValidator.validate(Json.parse(definition.replace('\'', '"')));
    List<String> actual = problems.stream().map(d -> d.code() + "@" + d.location()).sorted().toList();
    assertEquals(Arrays.stream(expected).sorted().toList(), actual, () -> "diagnostics: " + problems);
  }

  static void assertValid(String definition) {
    assertProblems(definition);
  }
}
