package io.stepwise.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What {@code stepwise bench --only coldstart} starts in a fresh JVM on the Lambda jar alone, with
 * the template's JVM options and the settings in the environment, as a Lambda container would:
 * <ul>
 *   <li>{@code transition BODY}: the orchestrator's handler built and given one step message;
 *   <li>{@code primed-transition BODY}: the same after SnapStart's priming ran, printing the
 *       transition's own milliseconds (what a restored snapshot's first invoke costs, roughly);
 *   <li>{@code getitem TABLE}: the floor, one DynamoDB GetItem with the same client setup.
 * </ul>
 * Prints one line, {@code ok <millis> <cpu millis>} (the process's CPU time so far, every thread:
 * JIT and GC included; -1 where the OS does not tell), and exits 0; any failure exits 1.
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    switch (args[0]) {
      case "transition" -> transition(args[1]);
      case "primed-transition" -> {
        Priming.exercise();
        StepHandler handler = new StepHandler();
        start = System.nanoTime();
        deliver(handler, args[1]);
      }
      case "getitem" -> {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
          dynamo.getItem(r -> r.tableName(args[1]).consistentRead(true)
              .key(Map.of("pk", AttributeValue.fromS("probe"), "sk", AttributeValue.fromS("probe"))));
        }
      }
      default -> throw new IllegalArgumentException("transition BODY | primed-transition BODY | getitem TABLE");
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    System.out.println("ok " + millis + " " + cpu);
    System.exit(0);
  }

  private static void transition(String body) {
    deliver(new StepHandler(), body);
  }

  private static void deliver(StepHandler handler, String body) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId("probe");
    message.setReceiptHandle("probe-" + System.nanoTime());
    message.setBody(body);
    message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    if (!handler.handleRequest(event, null).getBatchItemFailures().isEmpty()) {
      throw new IllegalStateException("the transition did not apply: " + body);
    }
  }
}
