package io.stepwise.local.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ElasticMQ with its message store: what was sent, delayed or received comes back after a
 * restart on the same directory, as it was (the SIGKILL case is the local stack's crash test).
 */
class QueueStoreTest {
  @TempDir Path dir;

  @Test
  void restartOnTheStore_keepsQueuesMessagesDelaysAndVisibility() throws Exception {
    String url;
    try (ElasticMqServer server = start(); SqsClient sqs = AwsClients.sqs(server.endpoint())) {
      url = sqs.createQueue(r -> r.queueName("steps").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30")))
          .queueUrl();
      sqs.sendMessage(r -> r.queueUrl(url).messageBody("now"));
      sqs.sendMessage(r -> r.queueUrl(url).messageBody("later").delaySeconds(30));
      sqs.sendMessage(r -> r.queueUrl(url).messageBody("taken"));
      sqs.sendMessage(r -> r.queueUrl(url).messageBody("done"));
      // take "taken" and "done" (and "now", which goes back at once); delete "done"
      for (Message m : receive(sqs, url, 10)) {
        if (m.body().equals("done")) sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
        if (m.body().equals("now")) {
          sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        }
      }
    }
    try (ElasticMqServer server = start(); SqsClient sqs = AwsClients.sqs(server.endpoint())) {
      String again = sqs.getQueueUrl(r -> r.queueName("steps")).queueUrl();
      assertEquals("30", sqs.getQueueAttributes(r -> r.queueUrl(again).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
          .attributes().get(QueueAttributeName.VISIBILITY_TIMEOUT), "the queue's attributes are kept");
      List<Message> visible = receive(sqs, again, 10);
      assertEquals(List.of("now"), visible.stream().map(Message::body).toList(),
          "only the visible message is delivered: the delayed one waits, the taken one stays hidden, the deleted one is gone");
      assertEquals("2", visible.get(0).attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT),
          "its receive count is kept");
      assertTrue(Long.parseLong(sqs.getQueueAttributes(r -> r.queueUrl(again)
          .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes()
          .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)) == 1, "the delayed message is still delayed");
    }
  }

  @Test
  void aSecondStoreInOneJvm_isRefused() {
    try (ElasticMqServer server = start()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> ElasticMqServer.start(
          ElasticMqServer.DEFAULT_REGION, ElasticMqServer.DEFAULT_ACCOUNT_ID, dir.resolveSibling(dir.getFileName() + "-other")));
      assertTrue(e.getMessage().contains("one message store per JVM"), e.getMessage());
    }
  }

  private ElasticMqServer start() {
    return ElasticMqServer.start(ElasticMqServer.DEFAULT_REGION, ElasticMqServer.DEFAULT_ACCOUNT_ID, dir);
  }

  private static List<Message> receive(SqsClient sqs, String url, int max) {
    return sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(max).waitTimeSeconds(1)
        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
  }
}
