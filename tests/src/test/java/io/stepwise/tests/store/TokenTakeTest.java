package io.stepwise.tests.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.aws.dynamodb.DynamoDbTokenStore;
import io.stepwise.aws.dynamodb.Table;
import io.stepwise.runtime.TokenStore.TaskToken;
import io.stepwise.tests.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A worker takes an activity task once (GetActivityTask), and its name stays with the token
 * through the answer: an answer that overtakes ActivityStarted still finds who took it.
 */
@ExtendWith(LocalAws.class)
class TokenTakeTest {
  private static DynamoDbTokenStore store(DynamoDbClient dynamo) {
    String table = LocalAws.uniqueName("tokens");
    Table.ensureActive(dynamo, table);
    return new DynamoDbTokenStore(dynamo, table);
  }

  private static TaskToken token(String id) {
    return new TaskToken(id, "arn:aws:states:us-east-1:000000000000:execution:m:e", 3, "Work", 0, 1000);
  }

  @Test
  void take_once_thenTheWorkerStaysWithTheClosedToken_andTheAnswerIsForTheNextTransition(DynamoDbClient dynamo) {
    DynamoDbTokenStore tokens = store(dynamo);
    tokens.put(token("t1"));
    assertNull(tokens.get("t1").orElseThrow().worker());
    assertEquals(3, tokens.get("t1").orElseThrow().answerSeq());

    assertTrue(tokens.take("t1", "worker-1"));
    assertFalse(tokens.take("t1", "worker-2"), "a second GetActivityTask cannot take it again");
    assertTrue(tokens.close("t1", "{\"answer\": 1}"));

    TaskToken closed = tokens.get("t1").orElseThrow();
    assertEquals("worker-1", closed.worker());
    assertEquals("{\"answer\": 1}", closed.answer());
    assertEquals(4, closed.answerSeq(), "after ActivityStarted's transition");
  }

  @Test
  void aWorkerWithoutAName_isKeptAsEmpty_andAClosedTokenCannotBeTaken(DynamoDbClient dynamo) {
    DynamoDbTokenStore tokens = store(dynamo);
    tokens.put(token("t2"));
    assertTrue(tokens.take("t2", ""));
    assertEquals("", tokens.get("t2").orElseThrow().worker());

    tokens.put(token("t3"));
    assertTrue(tokens.close("t3", "{}"));
    assertFalse(tokens.take("t3", "late"));
    assertNull(tokens.get("t3").orElseThrow().worker());
    assertFalse(tokens.take("unknown", "w"));
  }
}
