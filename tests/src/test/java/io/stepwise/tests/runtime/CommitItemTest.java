package io.stepwise.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.aws.dynamodb.DynamoDbExecutionStore;
import io.stepwise.aws.dynamodb.Table;
import io.stepwise.engine.ExecutionInfo;
import io.stepwise.engine.ExecutionState;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.HistoryEvent;
import io.stepwise.json.Json;
import io.stepwise.runtime.ExecutionRecord;
import io.stepwise.runtime.ExecutionStore;
import io.stepwise.runtime.ExecutionStore.ConflictException;
import io.stepwise.runtime.HistoryCodec;
import io.stepwise.runtime.StepMessage;
import io.stepwise.tests.LocalAws;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The history item is the commit, on dynalite: one conditional put per transition that never
 * lands twice, claims that cannot take a committed transition, the record read back by one query,
 * and R (the listing index's entry) brought up to date after a commit that changed the status.
 */
@ExtendWith(LocalAws.class)
class CommitItemTest {
  private static final String MACHINE = "arn:aws:states:us-east-1:000000000000:stateMachine:commits";
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private DynamoDbExecutionStore store;
  private DynamoDbClient dynamo;
  private String table;
  private String arn;

  @BeforeEach
  void table(DynamoDbClient dynamo) {
    String name = LocalAws.uniqueName("commits");
    Table.ensureActive(dynamo, name);
    store = new DynamoDbExecutionStore(dynamo, name);
    this.dynamo = dynamo;
    table = name;
    arn = "arn:aws:states:us-east-1:000000000000:execution:commits:" + name;
  }

  private ExecutionRecord started() {
    ExecutionInfo info = new ExecutionInfo(arn, "e", MACHINE, "commits", Json.parse("{\"n\": 1}"), NOW, "role", 0, false, "");
    return new ExecutionRecord(ExecutionState.start(info, "A"), 0, MACHINE, 0, StepMessage.advance(arn, 0));
  }

  private static ExecutionRecord after(ExecutionRecord r, String state, ExecutionStatus status) {
    ExecutionState s = r.state();
    ExecutionState next = new ExecutionState(s.info(), status, s.phase(), state, Json.parse("{\"at\": \"" + state + "\"}"), null,
        NOW, s.enteredEventId() + 1, s.lastEventId() + 1, s.lastEventId(), 0, List.of(), Map.of(), null, null, null, null,
        s.transitions() + 1);
    return r.next(next, status.isTerminal() ? null : StepMessage.advance(r.key(), r.seq() + 1));
  }

  private static List<HistoryEvent> event(long id, String name) {
    return List.of(new HistoryEvent(id, id - 1, "PassStateEntered", NOW, "stateEnteredEventDetails",
        Json.parse("{\"name\": \"" + name + "\"}"), "input", "{}"));
  }

  @Test
  void aTransitionCommitsOnce_andLoadReadsTheNewestCommitPastAClaim() {
    ExecutionRecord r0 = started();
    store.create(r0);
    assertEquals("A", store.load(arn).orElseThrow().state().currentState());
    ExecutionRecord r1 = after(r0, "B", ExecutionStatus.RUNNING);
    store.commitTransition(r1, event(1, "A"), "worker-1", NOW, NOW.plusSeconds(30));
    ExecutionRecord other = after(r0, "Other", ExecutionStatus.RUNNING);
    assertThrows(ConflictException.class, () -> store.commitTransition(other, event(1, "X"), "worker-1", NOW, NOW.plusSeconds(30)),
        "a committed transition is never written again, by its own worker either");
    assertThrows(ConflictException.class, () -> store.writeHistory(arn, 0, List.of(), "worker-2", NOW.plusSeconds(60),
        NOW.plusSeconds(90)), "nor claimed, even long after");

    store.writeHistory(arn, 1, List.of(), "worker-2", NOW, NOW.plusSeconds(30)); // transition 1 claimed, not committed
    ExecutionRecord loaded = store.load(arn).orElseThrow();
    assertEquals(1, loaded.seq());
    assertEquals("B", loaded.state().currentState());
    assertEquals(StepMessage.advance(arn, 1), loaded.next());
    ExecutionRecord r2 = after(r1, "C", ExecutionStatus.RUNNING);
    assertThrows(ConflictException.class, () -> store.commitTransition(r2, event(2, "B"), "worker-3", NOW, NOW.plusSeconds(30)),
        "another worker's live claim holds the transition");
    store.commitTransition(r2, event(2, "B"), "worker-3", NOW.plusSeconds(31), NOW.plusSeconds(61)); // its lease ran out
    assertEquals("C", store.load(arn).orElseThrow().state().currentState());

    assertEquals(List.of("A", "B"), store.history(arn, 0, 100).events().stream()
        .map(e -> e.details().get("name").asText()).toList());
    assertEquals(List.of(1L, 0L), store.transitions(arn, 0, 5, true, 10).stream()
        .map(ExecutionStore.TransitionEvents::seq).toList(), "the claim at 2 is not history");
  }

  @Test
  void anEndThatCrashedBeforeItsReindex_isListedWithItsStatusOnceTheRecordIsRead() {
    ExecutionRecord r0 = started();
    store.create(r0);
    ExecutionRecord r1 = after(r0, "A", ExecutionStatus.SUCCEEDED);
    store.commitTransition(r1, event(1, "A"), "worker-1", NOW, NOW.plusSeconds(30));
    assertEquals(List.of(ExecutionStatus.RUNNING), statuses(), "R still lists it running");
    assertEquals(ExecutionStatus.SUCCEEDED, store.load(arn).orElseThrow().state().status());
    assertEquals(List.of(ExecutionStatus.SUCCEEDED), statuses(), "the load brought R up to date");
    store.reindex(r1); // the worker's own reindex, late: changes nothing
    assertEquals(List.of(ExecutionStatus.SUCCEEDED), statuses());
    assertEquals(0, store.executions(MACHINE, ExecutionStatus.RUNNING, null, 10).executions().size());
  }

  @Test
  void historyWrittenBeforeTheCommitItem_isStillRead() {
    ExecutionRecord r0 = started();
    store.create(r0);
    dynamo.putItem(r -> r.tableName(table).item(Map.of(Table.PK, AttributeValue.fromS("EX#" + arn),
        Table.SK, AttributeValue.fromS("H#00000000000000000000"),
        "events", AttributeValue.fromB(SdkBytes.fromByteArray(HistoryCodec.encode(event(1, "Old")))))));
    store.commitTransition(after(after(r0, "B", ExecutionStatus.RUNNING), "C", ExecutionStatus.RUNNING), event(2, "New"),
        "worker-1", NOW, NOW.plusSeconds(30)); // transition 1, on a record whose transition 0 was written the old way
    assertEquals(List.of("Old", "New"), store.history(arn, 0, 100).events().stream()
        .map(e -> e.details().get("name").asText()).toList());
  }

  private List<ExecutionStatus> statuses() {
    return store.executions(MACHINE, null, null, 10).executions().stream().map(ExecutionStore.ExecutionSummary::status).toList();
  }
}
