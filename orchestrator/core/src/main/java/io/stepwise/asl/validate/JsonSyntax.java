package io.stepwise.asl.validate;

import com.fasterxml.jackson.core.JsonLocation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.stepwise.asl.Diagnostic;
import io.stepwise.asl.Diagnostics;

/**
 * Definition text that is not JSON, reported as Step Functions reports it: the parser's message
 * and, as the location, the parser's source description (recorded on AWS for
 * {@code not a definition}: {@code [Source: (String)"not a definition"; line: 1, column: 4]}).
 */
final class JsonSyntax {
  /** Jackson's longest quoted source before it cuts the text. */
  private static final int MAX_SOURCE = 500;
  private static final Pattern UNRECOGNIZED = Pattern.compile("^Unrecognized token '([^']*)'");

  private JsonSyntax() {}

  static Diagnostic diagnostic(String text, IllegalArgumentException failure) {
    if (!(failure.getCause() instanceof JsonProcessingException parse) || parse.getLocation() == null) {
      return new Diagnostic(Diagnostics.INVALID_JSON, null, "Invalid JSON: " + failure.getMessage());
    }
    String location = location(text, parse);
    return new Diagnostic(Diagnostics.INVALID_JSON, location, parse.getOriginalMessage() + "\n at " + location);
  }

  private static String location(String text, JsonProcessingException parse) {
    JsonLocation at = parse.getLocation();
    // AWS's parser points just past an unrecognized token (column 4 for "not a definition"), ours at its start
    Matcher token = UNRECOGNIZED.matcher(parse.getOriginalMessage());
    long column = at.getColumnNr() + (token.find() ? token.group(1).length() : 0);
    String quoted = text.length() <= MAX_SOURCE ? "\"" + text + "\""
        : "\"" + text.substring(0, MAX_SOURCE) + "\"[truncated " + (text.length() - MAX_SOURCE) + " chars]";
    return "[Source: (String)" + quoted + "; line: " + at.getLineNr() + ", column: " + column + "]";
  }
}
