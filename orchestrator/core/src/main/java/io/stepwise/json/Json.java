package io.stepwise.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The one JSON toolkit of the engine: parsing, printing and node construction on Jackson. */
public final class Json {
  /** How deeply a payload (an input, a state's output, a task's result) may nest. */
  public static final int MAX_PAYLOAD_DEPTH = 500;
  /**
   * Room above a payload's depth for the records that carry it (the stored execution state, a
   * history event, a queue message): reading and writing share one limit, so whatever the
   * runtime writes it can read back.
   */
  static final int WRAPPING_DEPTH = 32;
  private static final int MAX_DEPTH = MAX_PAYLOAD_DEPTH + WRAPPING_DEPTH;
  /** What a payload nested too deeply is told, in place of Jackson's own words. */
  public static final String TOO_DEEP = "The JSON nests deeper than " + MAX_PAYLOAD_DEPTH + " levels.";

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .build();
  /** For values the engine builds: decimals it computes stay exactly as computed. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private Json() {}

  /**
   * A mapper for Java objects and streams, reading and printing trees as {@link #parse} and
   * {@link #write} do. Built on first use: the engine's own reads and writes need none (see
   * {@link JsonTrees}), and building one costs a Lambda cold start about a third of a second.
   */
  public static ObjectMapper mapper() {
    return Mapper.INSTANCE;
  }

  private static final class Mapper {
    // Decimals stay BigDecimal: exact as written (0.0 stays 0.0 and 1.50 stays 1.50), and their
    // text is cached, so the many re-serializations of a payload do not re-run double-to-text conversion.
    static final ObjectMapper INSTANCE = new ObjectMapper(FACTORY)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .setNodeFactory(NODES);
  }

  /** Parses JSON text; throws {@link JsonProcessingException} wrapped as IllegalArgumentException. */
  public static JsonNode parse(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      return JsonTrees.read(parser, NODES);
    } catch (StreamConstraintsException e) {
      throw new IllegalArgumentException(TOO_DEEP, e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode read(Path file) {
    try (JsonParser parser = FACTORY.createParser(file.toFile())) {
      return JsonTrees.read(parser, NODES);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Compact JSON text, as Step Functions prints payloads: by {@link JsonText}'s printer, which
   * prints as Jackson's compact generator does (JsonTextTest pins the two equal), and by the
   * generator past the payload depth limit.
   */
  public static String write(JsonNode node) {
    return JsonText.print(node);
  }

  /** Compact text from Jackson's generator: for what {@link JsonText}'s printer leaves to it. */
  static String generatorWrite(JsonNode node) {
    return write(node, false);
  }

  public static String pretty(JsonNode node) {
    return write(node, true);
  }

  private static String write(JsonNode node, boolean pretty) {
    try {
      return JsonTrees.write(FACTORY, node, pretty);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string writer does not fail
    }
  }

  /** Size of the compact UTF-8 encoding, the measure Step Functions applies its 256 KiB limit to. */
  public static int utf8Size(JsonNode node) {
    return utf8Length(write(node));
  }

  /** The UTF-8 length of {@code text}, counted without encoding it. */
  public static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) bytes++;
      else if (c < 0x800) bytes += 2;
      else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else bytes += 3;
    }
    return bytes;
  }

  /** True when {@code node} nests deeper than a payload may (checked without recursing past the limit). */
  public static boolean tooDeep(JsonNode node) {
    return deeperThan(node, MAX_PAYLOAD_DEPTH);
  }

  private static boolean deeperThan(JsonNode node, int limit) {
    if (node == null || !node.isContainerNode()) return false;
    if (limit == 0) return true;
    for (JsonNode child : node) if (deeperThan(child, limit - 1)) return true;
    return false;
  }

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /**
   * A new object with {@code node}'s fields, in order, to change: {@code node} stays as it is.
   * Cheap for the small objects payloads mostly hold (see {@link FieldMap}).
   */
  public static ObjectNode copyOf(ObjectNode node) {
    return FieldMap.copyOf(node, 1);
  }

  /** An empty object that will hold about {@code fields} fields: cheap to build when they are few. */
  public static ObjectNode object(int fields) {
    return FieldMap.object(fields);
  }

  /** Adds {@code key}, known not to be in {@code node} (an object from {@link #object(int)}), without a lookup. */
  public static void putNew(ObjectNode node, String key, JsonNode value) {
    FieldMap.putNew(node, key, value);
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
