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
