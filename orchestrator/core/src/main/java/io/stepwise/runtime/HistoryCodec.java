package io.stepwise.runtime;

import io.stepwise.engine.HistoryEvent;
import io.stepwise.engine.StoredEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The history events of one transition as one compact binary value: length-prefixed fields,
 * deflated. Payload JSON is stored as it is (never escaped into another document), and the
 * entered input and exited output of a transition, usually alike, compress together, so a
 * transition with a 1 KB payload usually fits in one DynamoDB write unit.
 */
public final class HistoryCodec {
  private HistoryCodec() {}

  public static byte[] encode(List<HistoryEvent> events) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
      write(out, events);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The events, not deflated: for a value that deflates them together with more ({@link RecordCodec}). */
  static void write(DataOutputStream out, List<HistoryEvent> events) throws IOException {
    out.writeInt(events.size());
    for (HistoryEvent event : events) {
      StoredEvent e = StoredEvent.of(event);
      out.writeLong(e.id());
      out.writeLong(e.previousEventId());
      out.writeLong(e.timestampMillis());
      string(out, e.type());
      string(out, e.detailsKey());
      string(out, e.detailsJson());
      string(out, e.payloadField());
      string(out, e.payload());
    }
  }

  public static List<HistoryEvent> decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(data)))) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt history item", e);
    }
  }

  static List<HistoryEvent> read(DataInputStream in) throws IOException {
    int count = in.readInt();
    List<HistoryEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long id = in.readLong();
      long previous = in.readLong();
      long timestamp = in.readLong();
      events.add(new StoredEvent(id, previous, string(in), timestamp, string(in), string(in), string(in), string(in))
          .toEvent());
    }
    return events;
  }

  static void string(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String string(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) return null;
    byte[] b = in.readNBytes(length);
    return new String(b, StandardCharsets.UTF_8);
  }
}
