package io.stepwise.items;

import java.util.List;

/**
 * An ItemReader with its parameters evaluated: where the items are and how to parse them.
 *
 * @param source LIST for {@code s3:listObjectsV2}, OBJECT for {@code s3:getObject}
 * @param inputType JSON, JSONL, CSV or MANIFEST (OBJECT only)
 * @param headers the CSV column names when {@code CSVHeaderLocation} is GIVEN, else null
 * @param maxItems at most this many items are read; 0 for all
 */
public record ReaderSpec(Source source, String bucket, String key, String prefix, String inputType,
    List<String> headers, char delimiter, long maxItems) {
  public enum Source { LIST, OBJECT }

  public boolean headersInFirstRow() {
    return "CSV".equals(inputType) && headers == null;
  }
}
