package io.stepwise.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.PayloadTemplate;

/** An Assign block: raw for JSONata states, precompiled for JSONPath states. */
public record Assign(JsonNode raw, PayloadTemplate compiled) {}
