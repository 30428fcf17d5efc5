package io.stepwise.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Diagnostics;

/** Parses JSONPath Choice rules. STUB: signatures are the contract. */
public final class ChoiceRules {
  private ChoiceRules() {}

  /**
   * Parses the boolean expression of one rule object. A top-level rule (an element of Choices)
   * also carries {@code Next}, {@code Assign}, {@code Output} and {@code Comment}, which are
   * skipped here (the state parser reads them); nested rules must not have Next.
   *
   * @param location JSON pointer of the rule, e.g. {@code /States/Check/Choices/0}
   * @return the rule, or null when it has problems (each reported to {@code problems})
   */
  public static ChoiceRule parse(JsonNode rule, String location, boolean topLevel, Diagnostics problems) {
    throw new UnsupportedOperationException("choice rules not implemented yet");
  }
}
