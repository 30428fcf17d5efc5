package io.stepwise.items;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The items of one object read with {@code s3:getObject}: a JSON array's elements, JSON Lines'
 * values, or CSV rows as objects of header to text. Reading starts at the cursor's byte offset.
 */
final class ObjectItems implements ItemStream {
  /** Step Functions' causes, word for word (recorded on AWS). */
  static final String NOT_AN_ARRAY = "Attempting to map over non-iterable node.";
  static final String DUPLICATE_HEADERS = "CSV headers cannot contain duplicates.";

  /** Reads one element where the parser stands; the rest of the array follows it. */
  private static final ObjectReader ELEMENT =
      Json.mapper().readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final ReaderSpec spec;
  private final ByteInput in;
  private final CsvRecords csv;
  private JsonParser json;
  private long jsonBase;
  private ItemCursor cursor;

  ObjectItems(ObjectStorage storage, ReaderSpec spec, ItemCursor from) {
    this.spec = spec;
    this.cursor = from;
    this.in = new ByteInput(storage.read(spec.bucket(), spec.key(), from.offset()), from.offset());
    this.csv = "CSV".equals(spec.inputType()) ? new CsvRecords(in, spec.delimiter()) : null;
    if (csv != null && from.headers() == null) {
      List<String> headers = spec.headers();
      if (headers == null) {
        headers = csv.next();
        if (headers == null) headers = List.of();
      }
      if (new java.util.HashSet<>(headers).size() < headers.size()) {
        in.close();
        throw new ItemStreams.AwsWorded(DUPLICATE_HEADERS);
      }
      cursor = new ItemCursor(from.index(), in.position(), null, 0, headers);
    }
  }

  @Override
  public JsonNode next() {
    JsonNode item = switch (spec.inputType()) {
      case "JSON" -> nextJsonElement();
      case "JSONL" -> nextLine();
      case "CSV" -> nextRow();
      default -> throw new IllegalArgumentException("InputType " + spec.inputType() + " is not supported");
    };
    return item;
  }

  private JsonNode nextRow() {
    List<String> fields = csv.next();
    if (fields == null) return null;
    List<String> headers = cursor.headers();
    // As Step Functions reads a row: fields past the last header are dropped, missing ones are "".
    ObjectNode item = Json.object();
    for (int i = 0; i < headers.size(); i++) item.put(headers.get(i), i < fields.size() ? fields.get(i) : "");
    cursor = cursor.at(cursor.index() + 1, in.position());
    return item;
  }

  private JsonNode nextLine() {
    while (true) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0 && b != '\n') line.write(b);
      String text = line.toString(StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        if (b < 0) return null;
        continue;
      }
      JsonNode item;
      try {
        item = Json.parse(text);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("line " + (cursor.index() + 1) + " is not JSON");
      }
      cursor = cursor.at(cursor.index() + 1, in.position());
      return item;
    }
  }

  /**
   * A JSON array's next element. At a resumed offset the bytes are {@code , elem, ... ]}, so
   * the parser reads {@code [} followed by what comes after the comma.
   */
  private JsonNode nextJsonElement() {
    try {
      if (json == null) openJson();
      JsonToken token = json.nextToken();
      if (token == null || token == JsonToken.END_ARRAY) return null;
      JsonNode item = ELEMENT.readValue(json);
      cursor = cursor.at(cursor.index() + 1, jsonBase + json.currentLocation().getByteOffset());
      return item;
    } catch (IOException e) {
      throw new IllegalArgumentException("the object is not a valid JSON array: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
    }
  }

  private void openJson() throws IOException {
    skipWhitespace();
    int first = in.read();
    boolean atStart = cursor.offset() == 0;
    if (atStart && first != '[') throw new ItemStreams.AwsWorded(NOT_AN_ARRAY);
    if (!atStart && first != ',') {
      json = Json.mapper().getFactory().createParser("[]"); // at ']' (or the end): nothing follows
      json.nextToken();
      return;
    }
    // The parser counts from the '[' it is given: position - 1 in the object.
    jsonBase = in.position() - 1;
    InputStream rest = new InputStream() {
      @Override
      public int read() {
        return in.read();
      }
    };
    json = Json.mapper().getFactory().createParser(new SequenceInputStream(
        new ByteArrayInputStream(new byte[] {'['}), rest));
    if (json.nextToken() != JsonToken.START_ARRAY) throw new ItemStreams.AwsWorded(NOT_AN_ARRAY);
  }

  private void skipWhitespace() {
    while (in.peek() == ' ' || in.peek() == '\n' || in.peek() == '\r' || in.peek() == '\t') in.read();
  }

  @Override
  public ItemCursor cursor() {
    return cursor;
  }

  @Override
  public void close() {
    try {
      if (json != null) json.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      in.close();
    }
  }
}
