package io.stepwise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads definitions and inputs given on the command line. */
final class DefinitionFiles {
  private DefinitionFiles() {}

  /** A definition file's JSON; IllegalArgumentException says what is wrong. */
  static JsonNode read(String file) {
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) throw new IllegalArgumentException("no such file");
    try {
      return Json.parse(Files.readString(path));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
    }
  }

  /** {@code --input}: inline JSON, or {@code @FILE}. */
  static JsonNode input(String value) {
    if (value == null) return Json.object();
    if (value.startsWith("@")) return read(value.substring(1));
    try {
      return Json.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--input is not valid JSON: " + e.getMessage());
    }
  }
}
