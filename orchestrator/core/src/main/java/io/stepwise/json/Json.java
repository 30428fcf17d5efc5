package io.stepwise.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The one JSON toolkit of the engine: parsing, printing and node construction on Jackson. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** Parses JSON text; throws {@link JsonProcessingException} wrapped as IllegalArgumentException. */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  public static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Compact JSON text, as Step Functions prints payloads. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String pretty(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Size of the compact UTF-8 encoding, the measure Step Functions applies its 256 KiB limit to. */
  public static int utf8Size(JsonNode node) {
    return write(node).getBytes(StandardCharsets.UTF_8).length;
  }

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  public static TextNode text(String s) {
    return NODES.textNode(s);
  }

  /** JSON's name for a node's type, as Step Functions' error messages use it. */
  public static String typeName(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) return "null";
    if (node.isObject()) return "object";
    if (node.isArray()) return "array";
    if (node.isTextual()) return "string";
    if (node.isNumber()) return "number";
    if (node.isBoolean()) return "boolean";
    return node.getNodeType().name().toLowerCase();
  }
}
