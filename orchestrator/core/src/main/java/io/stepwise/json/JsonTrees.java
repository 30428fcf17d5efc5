package io.stepwise.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Trees read and printed on Jackson's streaming parser and generator, as an ObjectMapper
 * configured like {@link Json#mapper()} reads and prints them (same nodes, same text, same
 * errors). Why not the mapper: building one loads its serializer and deserializer factories, type
 * introspection and a date format that pulls in the JDK's locale data, about a third of a second
 * of a Lambda cold start, for a tree that needs none of it.
 */
final class JsonTrees {
  private JsonTrees() {}

  /** The one value of {@code parser}'s content; missing for empty content; an error if more follows. */
  static JsonNode read(JsonParser parser, JsonNodeFactory nodes) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) return MissingNode.getInstance();
    JsonNode value = value(parser, first, nodes);
    JsonToken trailing = parser.nextToken();
    if (trailing != null) {
      throw MismatchedInputException.from(parser, JsonNode.class, "Trailing token (of type " + trailing
          + ") found after value (bound as `" + JsonNode.class.getName()
          + "`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
    }
    return value;
  }

  /** Compact text (or pretty, with Jackson's default pretty printer). */
  static String write(JsonFactory factory, JsonNode node, boolean pretty) throws IOException {
    BufferRecycler buffers = factory._getBufferRecycler();
    try (SegmentedStringWriter text = new SegmentedStringWriter(buffers)) {
      try (JsonGenerator generator = factory.createGenerator(text)) {
        if (pretty) generator.useDefaultPrettyPrinter();
        write(generator, node);
      }
      return text.getAndClear();
    } finally {
      buffers.releaseToPool();
    }
  }

  // Nesting is bounded by the factory's constraints (the parser and generator refuse deeper), so
  // recursion stays within a few hundred frames.
  private static JsonNode value(JsonParser parser, JsonToken token, JsonNodeFactory nodes) throws IOException {
    switch (token) {
      case START_OBJECT: {
        ObjectNode object = nodes.objectNode();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
          object.replace(name, value(parser, parser.nextToken(), nodes)); // a repeated name: the last wins
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = nodes.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(value(parser, t, nodes));
        }
        return array;
      }
      case VALUE_STRING:
        return nodes.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return switch (parser.getNumberType()) {
          case INT -> nodes.numberNode(parser.getIntValue());
          case LONG -> nodes.numberNode(parser.getLongValue());
          default -> nodes.numberNode(parser.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        return nodes.numberNode(parser.getDecimalValue()); // USE_BIG_DECIMAL_FOR_FLOATS: exact as written
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      case VALUE_NULL:
        return nodes.nullNode();
      default:
        throw MismatchedInputException.from(parser, JsonNode.class, "Unexpected token (" + token + ")");
    }
  }

  private static void write(JsonGenerator out, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        out.writeStartObject(node, node.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          out.writeFieldName(field.getKey());
          write(out, field.getValue());
        }
        out.writeEndObject();
      }
      case ARRAY -> {
        out.writeStartArray(node, node.size());
        for (JsonNode element : node) write(out, element);
        out.writeEndArray();
      }
      case STRING -> out.writeString(node.textValue());
      case NUMBER -> number(out, node);
      case BOOLEAN -> out.writeBoolean(node.booleanValue());
      case NULL, MISSING -> out.writeNull();
      case BINARY -> out.writeBinary(node.binaryValue());
      case POJO -> Json.mapper().writeTree(out, node); // none of ours make these: a mapper's job
    }
  }

  private static void number(JsonGenerator out, JsonNode node) throws IOException {
    switch (node.numberType()) {
      case INT -> out.writeNumber(node.intValue());
      case LONG -> out.writeNumber(node.longValue());
      case BIG_INTEGER -> out.writeNumber(node.bigIntegerValue());
      case BIG_DECIMAL -> out.writeNumber(node.decimalValue());
      case FLOAT -> out.writeNumber(node.floatValue());
      case DOUBLE -> out.writeNumber(node.doubleValue());
    }
  }
}
