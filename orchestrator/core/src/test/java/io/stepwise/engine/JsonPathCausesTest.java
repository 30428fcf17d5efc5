package io.stepwise.engine;

import static io.stepwise.engine.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.TaskInvoker;
import org.junit.jupiter.api.Test;

/**
 * Each path field quotes Jayway's message where it stops a path before its last step, inside the
 * wrapper Step Functions gives that field ("Invalid path '...' : ..."), as AWS recorded for a
 * missing inner property (test_catch_states_runtime).
 */
class JsonPathCausesTest {
  private static final String ITERATOR =
      "\"ItemProcessor\": {\"ProcessorConfig\": {\"Mode\": \"INLINE\"}, \"StartAt\": \"P\","
          + " \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";

  @Test
  void inputPath_indexOnANumber() {
    assertCause("Invalid path '$.a[0].b' : Filter: [0]['b'] can only be applied to arrays. Current context is: 5",
        pass("\"InputPath\": \"$.a[0].b\""), "{\"a\": 5}");
  }

  @Test
  void outputPath_indexOnNull() {
    assertCause("Invalid path '$.a[0]' : The path $['a'] is null", pass("\"OutputPath\": \"$.a[0]\""), "{\"a\": null}");
  }

  @Test
  void itemsPath_indexOnAString() {
    assertCause("Invalid path '$.a[1]' : Filter: [1] can only be applied to arrays. Current context is: s",
        map("\"ItemsPath\": \"$.a[1]\""), "{\"a\": \"s\"}");
  }

  @Test
  void mapPathFields_missingInnerProperty() {
    for (String field : new String[] {"ToleratedFailureCountPath", "ToleratedFailurePercentagePath", "MaxConcurrencyPath"}) {
      assertCause("Invalid path '$.no.n' : Missing property in path $['no']",
          map("\"ItemsPath\": \"$.xs\", \"" + field + "\": \"$.no.n\""), "{\"xs\": [1]}");
    }
  }

  @Test
  void taskSecondsPaths_noMatch() {
    for (String field : new String[] {"TimeoutSecondsPath", "HeartbeatSecondsPath"}) {
      assertCause("Invalid path '$.none' : No results for path: $['none']", "{\"StartAt\": \"S\", \"States\": {\"S\": "
          + "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::aws-sdk:s3:listBuckets.waitForTaskToken\", \""
          + field + "\": \"$.none\", \"Parameters\": {}, \"End\": true}}}", "{\"a\": 0}");
      assertCause("Invalid path '$.no.n' : Missing property in path $['no']", "{\"StartAt\": \"S\", \"States\": {\"S\": "
          + "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::aws-sdk:s3:listBuckets.waitForTaskToken\", \""
          + field + "\": \"$.no.n\", \"Parameters\": {}, \"End\": true}}}", "{\"a\": 0}");
    }
  }

  private static String pass(String fields) {
    return "{\"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Pass\", " + fields + ", \"End\": true}}}";
  }

  private static String map(String fields) {
    return "{\"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Map\", " + fields + ", " + ITERATOR + ", \"End\": true}}}";
  }

  private static void assertCause(String cause, String definition, String input) {
    ExecutionResult result = run(definition, input, TaskInvoker.NONE);
    assertEquals(ExecutionStatus.FAILED, result.status());
    assertEquals("States.Runtime", result.error());
    assertEquals("An error occurred while executing the state 'S' (entered at the event id #2). " + cause, result.cause());
  }
}
