package io.stepwise.runtime;

import static io.stepwise.runtime.HistoryCodec.string;

import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.HistoryEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * An execution record as one deflated binary value, alone (carried in the step message that
 * continues it) or together with the history events of the transition that committed it (the
 * history item that is the commit): deflated together, the payload that appears in the state,
 * the entered event's input and the exited event's output is stored about once.
 */
public final class RecordCodec {
  /** A carried record larger than this stays out of the message, which then stays one 64 KB SQS billing chunk. */
  static final int MAX_CARRIED_CHARS = 60 * 1024;

  private RecordCodec() {}

  /** The record then the events, deflated together. */
  public static byte[] commit(ExecutionRecord record, List<HistoryEvent> events) {
    return deflated(out -> {
      write(out, record);
      HistoryCodec.write(out, events);
    });
  }

  /** The record of a value {@link #commit} made. */
  public static ExecutionRecord committedRecord(byte[] data) {
    try (DataInputStream in = inflating(data)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt commit item", e);
    }
  }

  /** The events of a value {@link #commit} made. */
  public static List<HistoryEvent> committedEvents(byte[] data) {
    try (DataInputStream in = inflating(data)) {
      read(in);
      return HistoryCodec.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt commit item", e);
    }
  }

  /**
   * Several records deflated together: the children a fan-out creates, which share most of their
   * text (machine, execution, state names), so that each costs a fraction of an item.
   */
  public static byte[] packed(List<ExecutionRecord> records) {
    return deflated(out -> {
      out.writeInt(records.size());
      for (ExecutionRecord record : records) write(out, record);
    });
  }

  /** The record of {@code key} in a value {@link #packed} made, or null when it holds none. */
  public static ExecutionRecord unpacked(byte[] data, String key) {
    try (DataInputStream in = inflating(data)) {
      for (int n = in.readInt(); n > 0; n--) {
        ExecutionRecord record = read(in);
        if (record.key().equals(key)) return record;
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt packed records", e);
    }
  }

  /** The record as message text, or null when it is too large to carry. */
  public static String carried(ExecutionRecord record) {
    String text = Base64.getEncoder().encodeToString(deflated(out -> write(out, record)));
    return text.length() <= MAX_CARRIED_CHARS ? text : null;
  }

  public static ExecutionRecord fromCarried(String text) {
    try (DataInputStream in = inflating(Base64.getDecoder().decode(text))) {
      return read(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("corrupt carried record", e);
    }
  }

  private interface Writing {
    void to(DataOutputStream out) throws IOException;
  }

  private static byte[] deflated(Writing writing) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION); // small values: the level costs little time
    try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater))) {
      writing.to(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deflater.end();
    }
    return bytes.toByteArray();
  }

  private static DataInputStream inflating(byte[] data) {
    return new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(data)));
  }

  private static void write(DataOutputStream out, ExecutionRecord r) throws IOException {
    string(out, r.key());
    out.writeLong(r.seq());
    string(out, r.stateMachineArn());
    out.writeInt(r.machineVersion());
    string(out, ExecutionStateCodec.encodeApart(r.state()));
    string(out, ExecutionStateCodec.executionInputText(r.state()));
    string(out, ExecutionStateCodec.stateInputText(r.state()));
    StepMessage next = r.next();
    if (next != null && (next.result() != null || next.error() != null || next.cause() != null || next.token() != null)) {
      throw new IllegalArgumentException("a record's next message carries no result: " + next);
    }
    // The gen rides after the kind ("TIMER|2"), absent for 0, so records written before it still read.
    string(out, next == null ? null : next.gen() == 0 ? next.kind().name() : next.kind().name() + "|" + next.gen());
    if (next != null) {
      out.writeLong(next.seq());
      out.writeLong(next.dueAtMillis());
    }
    string(out, r.parent() == null ? null : r.parent().encode());
    string(out, r.reuseJoin());
    string(out, r.callbackToken());
    string(out, r.origin() == null ? null : r.origin().versionArn());
    string(out, r.origin() == null ? null : r.origin().aliasArn());
  }

  private static StepMessage nextMessage(String key, String[] kindAndGen, long seq, long dueAtMillis) {
    int gen = kindAndGen.length > 1 ? Integer.parseInt(kindAndGen[1]) : 0;
    return new StepMessage(key, seq, StepMessage.Kind.valueOf(kindAndGen[0]), dueAtMillis, null, null, null, gen, null);
  }

  /** For a branch or iteration, {@code state().info().input()} is null until the store puts the execution's back. */
  private static ExecutionRecord read(DataInputStream in) throws IOException {
    String key = string(in);
    long seq = in.readLong();
    String machineArn = string(in);
    int version = in.readInt();
    ExecutionState state = ExecutionStateCodec.decodeApart(string(in), string(in), string(in));
    String nextKind = string(in);
    StepMessage next = nextKind == null ? null : nextMessage(key, nextKind.split("\\|"), in.readLong(), in.readLong());
    String parent = string(in);
    String reuseJoin = string(in);
    String callbackToken = string(in);
    String versionArn = string(in);
    String aliasArn = string(in);
    return new ExecutionRecord(key, state, seq, machineArn, version, next, parent == null ? null : ChildLink.decode(parent),
        reuseJoin, callbackToken, versionArn == null ? null : new ExecutionRecord.Origin(versionArn, aliasArn));
  }
}
