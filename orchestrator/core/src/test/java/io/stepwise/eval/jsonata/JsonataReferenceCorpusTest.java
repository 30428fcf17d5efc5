package io.stepwise.eval.jsonata;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.Sources;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every expression of {@code jsonata-reference/corpus.json} evaluates as the reference
 * implementation (jsonata-js 2.0.6, which Step Functions runs) evaluates it: the same JSON (numbers
 * numerically, undefined apart from null), or an error with the same code and message. An entry
 * marked {@code intended} differs on purpose and is held to its {@code stepFunctions} answer
 * instead; one marked {@code known} (a difference not fixed, with its reason) to Stepwise's
 * recorded {@code stepwise} answer, so a change to it shows; one marked {@code shape}
 * (nondeterministic) to its JSON type. generate.js, beside the corpus, rewrites the reference's
 * answers.
 */
class JsonataReferenceCorpusTest {
  private static final Pattern CODED = Pattern.compile("threw an error during evaluation\\. ([A-Z]\\d{4}): (.*)", Pattern.DOTALL);

  @Test
  void everyCorpusEntry_evaluatesAsTheReference() throws IOException {
    JsonNode corpus;
    try (InputStream in = getClass().getResourceAsStream("/jsonata-reference/corpus.json")) {
      corpus = Json.mapper().readTree(in);
    }
    List<String> failures = new ArrayList<>();
    for (JsonNode entry : corpus) {
      String failure = check(entry);
      if (failure != null) failures.add(entry.get("expr").textValue() + "\n    " + failure);
    }
    assertTrue(corpus.size() >= 300, "the corpus covers the language");
    assertTrue(failures.isEmpty(), failures.size() + " of " + corpus.size() + " entries differ:\n  "
        + String.join("\n  ", failures));
  }

  /** Null when the entry evaluates as expected, else what differs. */
  private static String check(JsonNode entry) {
    JsonNode expected = entry.has("intended") ? entry.get("stepFunctions")
        : entry.has("known") ? entry.get("stepwise") : entry.get("expected");
    JsonataBindings bindings = new JsonataBindings(entry.get("input"), null, null, Json.parse("{}"), Map.of(),
        Sources.fixed(Instant.parse("2024-05-06T07:08:09.123Z"), 7));
    JsonNode actual;
    try {
      actual = Jsonata.evaluateOver(entry.get("input"), entry.get("expr").textValue(), bindings, "Output");
    } catch (StatesError e) {
      return checkError(expected, e.cause());
    }
    if (entry.has("shape")) {
      String type = actual == null ? "undefined" : Json.typeName(actual);
      return type.equals(entry.get("shape").textValue()) ? null : "expected a " + entry.get("shape").textValue() + ", was " + type;
    }
    String was = "was " + (actual == null ? "undefined" : Json.write(actual));
    if (expected.has("undefined")) return actual == null ? null : "expected undefined, " + was;
    if (expected.has("value")) return actual != null && same(expected.get("value"), actual) ? null
        : "expected " + Json.write(expected.get("value")) + ", " + was;
    return "expected " + Json.write(expected) + ", " + was;
  }

  private static String checkError(JsonNode expected, String cause) {
    if (expected.has("function") && cause.endsWith("returned an unsupported result type.")) return null;
    JsonNode error = expected.get("error");
    if (error == null) return "expected " + Json.write(expected) + ", failed: " + cause;
    Matcher coded = CODED.matcher(cause);
    String code = coded.find() ? coded.group(1) : null;
    if (error.has("cause")) return error.get("cause").textValue().equals(cause) ? null : "expected cause " + error.get("cause") + ", was: " + cause;
    if (error.get("code").isNull()) return null; // a JavaScript TypeError: failing at all is the reference's behaviour
    if (!error.get("code").textValue().equals(code)) return "expected " + Json.write(error) + ", failed: " + cause;
    if (error.has("message") && !error.get("message").textValue().equals(coded.group(2))) {
      return "expected message " + error.get("message").textValue() + ", was: " + coded.group(2);
    }
    return null;
  }

  /** JSON equality with numbers compared by value, as the reference's doubles. */
  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) return a.doubleValue() == b.doubleValue();
    if (a.getNodeType() != b.getNodeType() || a.size() != b.size()) return false;
    if (a.isArray()) {
      for (int i = 0; i < a.size(); i++) if (!same(a.get(i), b.get(i))) return false;
      return true;
    }
    if (a.isObject()) {
      for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!b.has(name) || !same(a.get(name), b.get(name))) return false;
      }
      return true;
    }
    return a.equals(b);
  }
}
