package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.JsonPath;
import io.stepwise.json.Json;
import java.util.List;

/**
 * A case's {@code fuzzy_paths}: values the recorder normalised (ids, dates), which are not
 * compared. Paths are from the case root; those under {@code $.expected.output} are blanked in
 * both the expected and the actual output.
 */
final class FuzzyPaths {
  private static final String OUTPUT = "$.expected.output";
  private final List<String> paths;

  FuzzyPaths(JsonNode caseFile) {
    this.paths = caseFile.has("fuzzy_paths")
        ? Json.mapper().convertValue(caseFile.get("fuzzy_paths"), Json.mapper().getTypeFactory().constructCollectionType(List.class, String.class))
        : List.of();
  }

  boolean skips(String path) {
    return paths.contains(path);
  }

  /** {@code output} with every fuzzy value replaced by a marker, so both sides compare equal there. */
  JsonNode blank(JsonNode output) {
    JsonNode result = output;
    for (String path : paths) {
      if (!path.startsWith(OUTPUT) || result == null) continue;
      String relative = "$" + path.substring(OUTPUT.length());
      if (relative.equals("$")) return Json.text("<fuzzy>");
      try {
        JsonPath compiled = JsonPath.compile(relative);
        if (compiled.isDefinite() && compiled.find(result) != null) result = compiled.set(result, Json.text("<fuzzy>"));
      } catch (RuntimeException e) {
        // A path this output cannot hold: nothing to blank.
      }
    }
    return result;
  }
}
