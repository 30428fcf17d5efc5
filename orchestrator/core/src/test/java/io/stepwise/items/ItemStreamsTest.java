package io.stepwise.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Reading items in pieces: every cursor resumes exactly where the previous read stopped. */
class ItemStreamsTest {
  private final InMemoryObjectStorage storage = new InMemoryObjectStorage(() -> Instant.ofEpochSecond(1_700_000_000));

  private static ReaderSpec object(String type, List<String> headers, char delimiter, long maxItems) {
    return new ReaderSpec(ReaderSpec.Source.OBJECT, "b", "in", null, type, headers, delimiter, maxItems);
  }

  /** All items, read {@code step} at a time, each piece from a fresh stream at the cursor. */
  private List<String> readInPieces(ReaderSpec spec, int step) {
    List<String> items = new ArrayList<>();
    ItemCursor cursor = ItemCursor.START;
    while (true) {
      int read = 0;
      try (ItemStream stream = ItemStreams.open(storage, spec, ItemCursor.decode(cursor.encode()))) {
        JsonNode item;
        while (read < step && (item = stream.next()) != null) {
          items.add(Json.write(item));
          read++;
        }
        cursor = stream.cursor();
      }
      if (read < step) return items;
    }
  }

  @Test
  void jsonArray_readInPiecesOfOne_givesEveryElementOnce() {
    storage.put("b", "in", " [ {\"a\":1} , 2,\"x\" ,[3, 4], null ,{\"b\":{\"c\":[5]}} ]\n");

    assertEquals(List.of("{\"a\":1}", "2", "\"x\"", "[3,4]", "null", "{\"b\":{\"c\":[5]}}"),
        readInPieces(object("JSON", null, ',', 0), 1));
  }

  @Test
  void jsonLines_skipBlankLines_andMaxItemsStopsEarly() {
    storage.put("b", "in", "{\"n\":1}\n\n{\"n\":2}\r\n{\"n\":3}\n{\"n\":4}");

    assertEquals(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"), readInPieces(object("JSONL", null, ',', 3), 2));
  }

  @Test
  void csvFirstRow_quotedFieldsAndCrLf_keepTheHeaderAcrossPieces() {
    storage.put("b", "in", "id,name\r\n1,\"Smith, J\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"two\nlines\"\r\n");

    assertEquals(List.of("{\"id\":\"1\",\"name\":\"Smith, J\"}", "{\"id\":\"2\",\"name\":\"say \\\"hi\\\"\"}",
        "{\"id\":\"3\",\"name\":\"two\\nlines\"}"), readInPieces(object("CSV", null, ',', 0), 1));
  }

  @Test
  void csvGiven_withPipeDelimiter_readsTheFirstRowAsData() {
    storage.put("b", "in", "1|a\n2|b\n");

    assertEquals(List.of("{\"k\":\"1\",\"v\":\"a\"}", "{\"k\":\"2\",\"v\":\"b\"}"),
        readInPieces(object("CSV", List.of("k", "v"), '|', 0), 5));
  }

  // The next four are AWS recordings (LocalStack's test_base_scenarios snapshots): rows longer
  // than the headers lose the rest, shorter ones get "", and the causes are Step Functions' own.
  @Test
  void csvGiven_rowsLongerThanTheHeaders_keepOnlyTheNamedFields() {
    storage.put("b", "in", "Value1,Value2,Value3\nValue4,Value5,Value6\n,,,\ntrue,1,'HelloWorld'\nNull,None,\n   \n");

    assertEquals(Json.parse("[{\"H1\":\"Value1\"},{\"H1\":\"Value4\"},{\"H1\":\"\"},{\"H1\":\"true\"},"
        + "{\"H1\":\"Null\"},{\"H1\":\"   \"}]"), Json.parse("[" + String.join(",",
        readInPieces(object("CSV", List.of("H1"), ',', 0), 2)) + "]"));
  }

  @Test
  void csvFirstRow_withAnEmptyHeader_namesItsFieldByTheEmptyString() {
    storage.put("b", "in", "H1,\nValue4,Value5,Value6\n,,,\ntrue,1,'HelloWorld'\nNull,None,\n   \n");

    assertEquals(Json.parse("[{\"\":\"Value5\",\"H1\":\"Value4\"},{\"\":\"\",\"H1\":\"\"},{\"\":\"1\",\"H1\":\"true\"},"
        + "{\"\":\"None\",\"H1\":\"Null\"},{\"\":\"\",\"H1\":\"   \"}]"), Json.parse("[" + String.join(",",
        readInPieces(object("CSV", null, ',', 0), 3)) + "]"));
  }

  @Test
  void csvDuplicateHeaders_failWithStepFunctionsCause() {
    storage.put("b", "in", "H1,H1\n1,2\n");

    StatesError e = assertThrows(StatesError.class, () -> readInPieces(object("CSV", null, ',', 0), 5));
    assertEquals("States.ItemReaderFailed", e.error());
    assertEquals("CSV headers cannot contain duplicates.", e.cause());
  }

  @Test
  void jsonThatIsNotAnArray_failsWithStepFunctionsCause() {
    storage.put("b", "in", "{\"a\": [1, 2]}");

    StatesError e = assertThrows(StatesError.class, () -> readInPieces(object("JSON", null, ',', 0), 5));
    assertEquals("States.ItemReaderFailed", e.error());
    assertEquals("Attempting to map over non-iterable node.", e.cause());
  }

  @Test
  void missingObject_failsAsItemReaderFailed_namingTheKey() {
    storage.createBucket("b");
    StatesError e = assertThrows(StatesError.class, () -> readInPieces(object("JSON", null, ',', 0), 5));

    assertEquals("States.ItemReaderFailed", e.error());
    assertTrue(e.cause().contains("NoSuchKey") && e.cause().contains("s3://b/in"), e.cause());
  }

  @Test
  void listObjects_pagesPastAThousandKeys_withStepFunctionsItemShape() {
    for (int i = 0; i < 1203; i++) storage.put("b", String.format("p/%05d", i), "x");
    storage.put("b", "other", "y");
    ReaderSpec spec = new ReaderSpec(ReaderSpec.Source.LIST, "b", null, "p/", null, null, ',', 0);

    List<String> items = readInPieces(spec, 700);

    assertEquals(1203, items.size());
    assertEquals("{\"Etag\":\"\\\"9dd4e461268c8034f5c8564e155c67a6\\\"\",\"Key\":\"p/00000\",\"LastModified\":1700000000,\"Size\":1,"
        + "\"StorageClass\":\"STANDARD\"}", items.get(0));
    assertTrue(items.get(1202).contains("p/01202"));
  }

  @Test
  void manifest_readsGzippedInventoryFilesWithTheirSchema() throws Exception {
    storage.put("inv", "m/manifest.json", "{\"sourceBucket\":\"src\",\"destinationBucket\":\"arn:aws:s3:::inv\","
        + "\"fileFormat\":\"CSV\",\"fileSchema\":\"Bucket, Key, Size\","
        + "\"files\":[{\"key\":\"data/1.csv.gz\"},{\"key\":\"data/2.csv\"}]}");
    storage.write("inv", "data/1.csv.gz", gzip("\"src\",\"a.txt\",\"1\"\n\"src\",\"b.txt\",\"2\"\n"));
    storage.put("inv", "data/2.csv", "\"src\",\"c.txt\",\"3\"\n");
    ReaderSpec spec = new ReaderSpec(ReaderSpec.Source.OBJECT, "inv", "m/manifest.json", null, "MANIFEST", null, ',', 0);

    assertEquals(List.of("{\"Bucket\":\"src\",\"Key\":\"a.txt\",\"Size\":\"1\"}",
        "{\"Bucket\":\"src\",\"Key\":\"b.txt\",\"Size\":\"2\"}", "{\"Bucket\":\"src\",\"Key\":\"c.txt\",\"Size\":\"3\"}"),
        readInPieces(spec, 1));
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
