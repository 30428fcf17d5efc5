package io.stepwise.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.engine.ExecutionInfo;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A record and its transition's events, deflated together, and back. */
class RecordCodecTest {
  private static final String DOC = "{\"order\":\"o-1\",\"lines\":[" + "{\"sku\":\"S-1\",\"qty\":2,\"note\":\"a line\"},".repeat(20)
      + "{\"sku\":\"S-2\",\"qty\":1}],\"comment\":\"" + "y".repeat(200) + "\"}";

  private static ExecutionRecord record() {
    ExecutionInfo info = new ExecutionInfo("arn:aws:states:us-east-1:000000000000:execution:m:e", "e",
        "arn:aws:states:us-east-1:000000000000:stateMachine:m", "m", Json.parse(DOC), Instant.ofEpochMilli(1_000), "role", 1,
        false, "");
    ExecutionState start = ExecutionState.start(info, "A");
    ExecutionState state = new ExecutionState(info, start.status(), start.phase(), "A", Json.parse(DOC), null,
        Instant.ofEpochMilli(1_500), 4, 4, 3, 1, List.of(2), Map.of("v", Json.parse("[1,2]")), null, null, null, null, 3);
    return new ExecutionRecord(info.executionArn(), state, 7, info.stateMachineArn(), 3,
        new StepMessage(info.executionArn(), 7, StepMessage.Kind.TIMER, 9_000, null, null, null), null, "join-1", "token-1",
        new ExecutionRecord.Origin("arn:version:3", "arn:alias:live"));
  }

  private static HistoryEvent entered(long id, String name) {
    return new HistoryEvent(id, id - 1, "PassStateEntered", Instant.ofEpochMilli(2_000), "stateEnteredEventDetails",
        Json.parse("{\"name\": \"" + name + "\"}"), "input", DOC);
  }

  @Test
  void packedRecords_comeBackOneByKey_inAFractionOfTheirSizeApart() {
    String arn = "arn:aws:states:us-east-1:000000000000:execution:m:e";
    ExecutionInfo info = new ExecutionInfo(arn, "e", "arn:aws:states:us-east-1:000000000000:stateMachine:m", "m", null,
        Instant.ofEpochMilli(1_000), "role", 0, false, "");
    List<ExecutionRecord> children = new java.util.ArrayList<>();
    int apart = 0;
    for (int i = 0; i < 50; i++) {
      ChildLink link = new ChildLink(arn, 1, i, "Each:-1", i + 50 < 100 ? i + 50 : -1, false, 0, true);
      ExecutionState start = ExecutionState.child(info, "Each", i, "Double", Json.parse("{\"n\": " + i + "}"), Map.of());
      ExecutionRecord child = new ExecutionRecord(link.childKey(), start, 0, info.stateMachineArn(), 2,
          StepMessage.advance(link.childKey(), 0), link, null, null, null);
      children.add(child);
      apart += RecordCodec.carried(child).length() * 3 / 4;
    }
    byte[] packed = RecordCodec.packed(children);
    for (int i : new int[] {0, 17, 49}) {
      ExecutionRecord back = RecordCodec.unpacked(packed, children.get(i).key());
      assertEquals(children.get(i).parent(), back.parent());
      assertEquals(ExecutionStateCodec.encode(children.get(i).state()), ExecutionStateCodec.encode(back.state()));
      assertEquals(children.get(i).next(), back.next());
    }
    assertNull(RecordCodec.unpacked(packed, arn + "|1|50"));
    assertTrue(packed.length * 5 < apart, packed.length + " bytes packed, " + apart + " apart");
  }

  @Test
  void theRecordAndItsEvents_comeBackAsTheyWere() {
    ExecutionRecord r = record();
    List<HistoryEvent> events = List.of(entered(5, "A"));
    byte[] commit = RecordCodec.commit(r, events);
    ExecutionRecord back = RecordCodec.committedRecord(commit);
    assertEquals(ExecutionStateCodec.encode(r.state()), ExecutionStateCodec.encode(back.state()));
    assertEquals(List.of(r.key(), r.seq(), r.stateMachineArn(), r.machineVersion(), r.next(), r.reuseJoin(),
        r.callbackToken(), r.origin()), List.of(back.key(), back.seq(), back.stateMachineArn(), back.machineVersion(),
        back.next(), back.reuseJoin(), back.callbackToken(), back.origin()));
    assertNull(back.parent());
    assertEquals(events, RecordCodec.committedEvents(commit));
    assertEquals(ExecutionStateCodec.encode(r.state()), ExecutionStateCodec.encode(
        StepMessage.advance(r.key(), 7).carrying(r).carriedRecord().state()));
  }

  @Test
  void theNextMessagesResendGeneration_comesBack() {
    ExecutionRecord r = record();
    ExecutionRecord resent = r.next(r.state(), r.next().inGen(2));
    ExecutionRecord back = RecordCodec.committedRecord(RecordCodec.commit(resent, List.of()));
    assertEquals(2, back.next().gen());
    assertEquals(resent.next(), back.next());
    assertEquals(0, RecordCodec.committedRecord(RecordCodec.commit(r, List.of())).next().gen());
  }

  @Test
  void aMessageFromBeforeGenerations_readsItsResentFlagAsGenerationOne() {
    String arn = record().key();
    String old = "{\"execution\":\"" + arn + "\",\"seq\":4,\"kind\":\"ADVANCE\",\"resent\":true}";
    assertEquals(1, StepMessage.fromJson(old).gen());
    assertEquals(0, StepMessage.fromJson(StepMessage.advance(arn, 4).toJson()).gen());
    StepMessage third = StepMessage.advance(arn, 4).resent().resent().resent();
    assertEquals(third, StepMessage.fromJson(third.toJson()));
    assertEquals(3, third.gen());
  }

  @Test
  void thePayloadInTheStateAndInTheEvents_isStoredAboutOnce() {
    ExecutionRecord r = record();
    int alone = RecordCodec.commit(r, List.of()).length;
    List<HistoryEvent> events = List.of(
        entered(5, "A"),
        entered(6, "B"));
    int together = RecordCodec.commit(r, events).length;
    int doc = Deflate.deflateText(DOC).length;
    assertTrue(together - alone < doc, "two more copies of the payload cost less than one deflated alone: "
        + alone + " -> " + together + ", the document alone " + doc);
  }
}
