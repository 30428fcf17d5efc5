package io.stepwise.eval.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.Sources;
import java.util.Map;

/**
 * What a JSONata expression sees: {@code $states} ({@code input}, {@code result},
 * {@code errorOutput}, {@code context}; absent members are null), the variables in scope, and the
 * step's {@link Sources} for {@code $now()}, {@code $millis()}, {@code $uuid()} and {@code $random()}.
 */
public record JsonataBindings(
    JsonNode input, JsonNode result, JsonNode errorOutput, JsonNode context,
    Map<String, JsonNode> variables, Sources sources) {}
