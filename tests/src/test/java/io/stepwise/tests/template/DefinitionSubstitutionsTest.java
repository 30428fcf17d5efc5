package io.stepwise.tests.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.Diagnostic;
import io.stepwise.json.Json;
import io.stepwise.asl.DefinitionSubstitutions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionSubstitutionsTest {
  private static DefinitionSubstitutions.Result apply(String definition, Map<String, String> values) {
    return DefinitionSubstitutions.apply(Json.parse(definition), values);
  }

  @Test
  void givenWholeStringPlaceholder_whenValueIsJsonObject_thenObjectIsInserted() {
    var result = apply("{\"Payload\": \"${Payload}\"}", Map.of("Payload", "{\"max-depth\": 5, \"error-rate\": 0.2}"));

    assertEquals(Json.parse("{\"Payload\": {\"max-depth\": 5, \"error-rate\": 0.2}}"), result.definition());
    assertEquals(List.of(), result.problems());
  }

  @Test
  void givenPlaceholderInsideText_whenSubstituted_thenReplacedAsText() {
    var result = apply("{\"A\": \"arn:${Fn}:x\", \"B\": \"${Fn}\", \"C\": [\"${Json}-suffix\"]}",
        Map.of("Fn", "f\"1", "Json", "{\"a\":1}"));

    assertEquals("arn:f\"1:x", result.definition().get("A").textValue());
    assertEquals("f\"1", result.definition().get("B").textValue());
    assertEquals("{\"a\":1}-suffix", result.definition().get("C").get(0).textValue());
  }

  @Test
  void givenNumberOrScalarJsonValue_whenWholeString_thenStaysAString() {
    var result = apply("{\"N\": \"${N}\", \"T\": \"${T}\"}", Map.of("N", "25", "T", "true"));

    assertEquals(Json.parse("{\"N\": \"25\", \"T\": \"true\"}"), result.definition());
  }

  @Test
  void givenPlaceholderInFieldName_whenSubstituted_thenFieldIsRenamed() {
    var result = apply("{\"${Key}.$\": \"$.x\"}", Map.of("Key", "Payload"));

    assertEquals(Json.parse("{\"Payload.$\": \"$.x\"}"), result.definition());
  }

  @Test
  void givenUnknownPlaceholders_whenSubstituted_thenEachIsReportedAtItsPointerAndLeftAsIs() {
    var result = apply("{\"States\": {\"a/b\": {\"X\": [\"${Missing}\", \"${Other} ${Known}\"]}}}", Map.of("Known", "k"));

    assertEquals(List.of(
        new Diagnostic(DefinitionSubstitutions.UNRESOLVED, "/States/a~1b/X/0", "${Missing} has no value in DefinitionSubstitutions"),
        new Diagnostic(DefinitionSubstitutions.UNRESOLVED, "/States/a~1b/X/1", "${Other} has no value in DefinitionSubstitutions")),
        result.problems());
    assertEquals("${Other} k", result.definition().at("/States/a~1b/X/1").textValue());
  }

  @Test
  void givenDefinition_whenSubstituted_thenInputIsUntouchedAndOtherValuesKeepTheirTypes() {
    JsonNode definition = Json.parse("{\"F\": \"${F}\", \"I\": 1, \"D\": 0.50, \"B\": true, \"Z\": null}");
    JsonNode before = definition.deepCopy();

    JsonNode after = DefinitionSubstitutions.apply(definition, Map.of("F", "x")).definition();

    assertEquals(before, definition);
    assertEquals("{\"F\":\"x\",\"I\":1,\"D\":0.50,\"B\":true,\"Z\":null}", Json.write(after));
  }
}
