package io.stepwise.asl;

/** The language a state's fields are written in. */
public enum QueryLanguage {
  JSONPATH, JSONATA;

  public static QueryLanguage of(String text) {
    return "JSONata".equals(text) ? JSONATA : JSONPATH;
  }
}
