package io.stepwise.items;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from bytes: fields split by one delimiter byte, double-quoted fields may hold
 * delimiters, line breaks and doubled quotes; CRLF or LF ends a record. UTF-8 needs no decoding
 * to split, since the delimiters and quotes are ASCII.
 */
final class CsvRecords {
  private final ByteInput in;
  private final char delimiter;

  CsvRecords(ByteInput in, char delimiter) {
    this.in = in;
    this.delimiter = delimiter;
  }

  /** The next record's fields, or null at the end; blank lines are skipped. */
  List<String> next() {
    while (in.peek() == '\r' || in.peek() == '\n') in.read();
    if (in.peek() < 0) return null;
    List<String> fields = new ArrayList<>();
    ByteArrayOutputStream field = new ByteArrayOutputStream();
    boolean quoted = false;
    while (true) {
      int b = in.read();
      if (quoted) {
        if (b < 0) throw new IllegalArgumentException("a quoted CSV field is not closed before the end of the file");
        if (b == '"') {
          if (in.peek() == '"') field.write(in.read());
          else quoted = false;
        } else {
          field.write(b);
        }
      } else if (b == '"' && field.size() == 0) {
        quoted = true;
      } else if (b == delimiter) {
        fields.add(field.toString(StandardCharsets.UTF_8));
        field.reset();
      } else if (b < 0 || b == '\n' || b == '\r') {
        if (b == '\r' && in.peek() == '\n') in.read();
        fields.add(field.toString(StandardCharsets.UTF_8));
        return fields;
      } else {
        field.write(b);
      }
    }
  }

  /** ReaderConfig.CSVDelimiter's names. */
  static char delimiter(String name) {
    if (name == null) return ',';
    return switch (name) {
      case "COMMA" -> ',';
      case "PIPE" -> '|';
      case "SEMICOLON" -> ';';
      case "SPACE" -> ' ';
      case "TAB" -> '\t';
      default -> throw new IllegalArgumentException("CSVDelimiter must be COMMA, PIPE, SEMICOLON, SPACE or TAB, but was " + name);
    };
  }
}
