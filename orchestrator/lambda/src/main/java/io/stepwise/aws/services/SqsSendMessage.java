package io.stepwise.aws.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.eval.StatesError;
import io.stepwise.json.Json;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * {@code arn:aws:states:::sqs:sendMessage} (and {@code .waitForTaskToken}): QueueUrl,
 * MessageBody (a string as it is, any other JSON as its text), DelaySeconds, MessageGroupId,
 * MessageDeduplicationId.
 */
final class SqsSendMessage {
  private final SqsClient sqs;

  SqsSendMessage(SqsClient sqs) {
    this.sqs = sqs;
  }

  TaskOutcome invoke(JsonNode parameters) {
    JsonNode queueUrl = parameters.get("QueueUrl");
    JsonNode body = parameters.get("MessageBody");
    if (queueUrl == null || !queueUrl.isTextual() || body == null) {
      throw StatesError.runtime("sqs:sendMessage needs the parameters QueueUrl (a string) and MessageBody");
    }
    SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl.textValue())
        .messageBody(body.isTextual() ? body.textValue() : Json.write(body));
    if (parameters.has("DelaySeconds")) request.delaySeconds(parameters.get("DelaySeconds").asInt());
    if (parameters.has("MessageGroupId")) request.messageGroupId(parameters.get("MessageGroupId").asText());
    if (parameters.has("MessageDeduplicationId")) request.messageDeduplicationId(parameters.get("MessageDeduplicationId").asText());
    try {
      SendMessageResponse response = sqs.sendMessage(request.build());
      ObjectNode result = Json.object();
      result.put("MD5OfMessageBody", response.md5OfMessageBody());
      result.put("MessageId", response.messageId());
      return TaskOutcome.success(ServiceResults.withMetadata(result, response));
    } catch (SdkException e) {
      return ServiceResults.failure("SQS", e);
    }
  }
}
