package io.stepwise.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * An S3 Inventory report ({@code InputType: MANIFEST}): the manifest.json names the data files
 * (CSV, usually gzipped) in its destination bucket and their columns (fileSchema); each row is
 * an item with those columns. Gzipped files cannot be entered mid-way, so the cursor holds the
 * file and how many of its rows were read, and a resumed read skips them.
 */
final class ManifestItems implements ItemStream {
  private final ObjectStorage storage;
  private final String bucket;
  private final List<String> files = new ArrayList<>();
  private final List<String> columns = new ArrayList<>();
  private ItemCursor cursor;
  private ByteInput current;
  private CsvRecords rows;

  ManifestItems(ObjectStorage storage, ReaderSpec spec, ItemCursor from) {
    this.storage = storage;
    JsonNode manifest;
    try (InputStream in = storage.read(spec.bucket(), spec.key(), 0)) {
      manifest = Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("the manifest is not JSON: " + e.getMessage());
    }
    if (!"CSV".equals(manifest.path("fileFormat").asText())) {
      throw new IllegalArgumentException("the manifest's fileFormat must be CSV, but was "
          + manifest.path("fileFormat").asText("missing"));
    }
    String destination = manifest.path("destinationBucket").asText();
    bucket = destination.substring(destination.lastIndexOf(':') + 1);
    for (String column : manifest.path("fileSchema").asText().split(",")) columns.add(column.strip());
    for (JsonNode file : manifest.path("files")) files.add(file.path("key").asText());
    cursor = from;
  }

  @Override
  public JsonNode next() {
    while (cursor.file() < files.size()) {
      if (rows == null) open();
      List<String> fields = rows.next();
      if (fields != null) {
        ObjectNode item = Json.object();
        for (int i = 0; i < columns.size() && i < fields.size(); i++) item.put(columns.get(i), fields.get(i));
        cursor = new ItemCursor(cursor.index() + 1, cursor.offset() + 1, null, cursor.file(), null);
        return item;
      }
      closeFile();
      cursor = new ItemCursor(cursor.index(), 0, null, cursor.file() + 1, null);
    }
    return null;
  }

  /** Opens the cursor's file and skips the rows of it already read. */
  private void open() {
    InputStream raw = new BufferedInputStream(storage.read(bucket, files.get(cursor.file()), 0));
    try {
      raw.mark(2);
      boolean gzipped = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      current = new ByteInput(gzipped ? new GZIPInputStream(raw) : raw, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rows = new CsvRecords(current, ',');
    for (long skip = 0; skip < cursor.offset(); skip++) rows.next();
  }

  private void closeFile() {
    if (current != null) current.close();
    current = null;
    rows = null;
  }

  @Override
  public ItemCursor cursor() {
    return cursor;
  }

  @Override
  public void close() {
    closeFile();
  }
}
