package io.stepwise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads definitions, inputs and mock files given on the command line, within Step Functions' limits. */
final class DefinitionFiles {
  /** Step Functions' limits: a definition's length, an execution input's size. */
  static final int MAX_DEFINITION_CHARS = 1_048_576;
  static final int MAX_INPUT_BYTES = 256 * 1024;

  private DefinitionFiles() {}

  /** A definition file's JSON; IllegalArgumentException says what is wrong, as Step Functions would. */
  static JsonNode definition(String file) {
    String text = text(file);
    if (text.length() > MAX_DEFINITION_CHARS) {
      throw new IllegalArgumentException("ValidationException: 1 validation error detected: Value at 'definition' "
          + "failed to satisfy constraint: Member must have length less than or equal to " + MAX_DEFINITION_CHARS);
    }
    return parse(text);
  }

  /** A JSON file (a mock file, a case); IllegalArgumentException says what is wrong. */
  static JsonNode read(String file) {
    return parse(text(file));
  }

  /** {@code --input}: inline JSON, or {@code @FILE}; IllegalArgumentException names the input, not the definition. */
  static JsonNode input(String value) {
    if (value == null) return Json.object();
    String text;
    try {
      text = value.startsWith("@") ? text(value.substring(1)) : value;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--input " + value + ": " + e.getMessage());
    }
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_INPUT_BYTES) {
      throw new IllegalArgumentException("--input " + abbreviate(value) + ": The input exceeds the maximum size of "
          + MAX_INPUT_BYTES + " bytes (it has " + bytes + ")");
    }
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--input " + abbreviate(value) + ": not valid JSON: " + e.getMessage());
    }
  }

  private static String text(String file) {
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) throw new IllegalArgumentException("no such file");
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read: " + e.getMessage());
    }
  }

  private static JsonNode parse(String text) {
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
    }
  }

  private static String abbreviate(String value) {
    return value.length() > 60 ? value.substring(0, 57) + "..." : value;
  }
}
