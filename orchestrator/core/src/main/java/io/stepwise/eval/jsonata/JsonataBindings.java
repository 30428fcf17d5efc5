package io.stepwise.eval.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What a JSONata expression sees: {@code $states} ({@code input}, {@code result},
 * {@code errorOutput}, {@code context}; absent members are null) and the variables in scope.
 */
public record JsonataBindings(
    JsonNode input, JsonNode result, JsonNode errorOutput, JsonNode context,
    Map<String, JsonNode> variables) {}
