package io.stepwise.aws.services;

import io.stepwise.aws.lambda.LambdaTaskInvoker;
import io.stepwise.driver.TaskInvoker;
import io.stepwise.driver.TaskOutcome;
import io.stepwise.driver.UnsupportedTaskException;
import io.stepwise.engine.Command;
import io.stepwise.engine.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Every Task resource Stepwise runs: Lambda, SQS sendMessage and the four DynamoDB item calls. */
public final class ServiceTaskInvoker implements TaskInvoker {
  private final TaskInvoker lambda;
  private final SqsSendMessage sqs;
  private final DynamoDbTasks dynamo;

  public ServiceTaskInvoker(TaskInvoker lambda, SqsClient sqs, DynamoDbClient dynamo) {
    this.lambda = lambda;
    this.sqs = new SqsSendMessage(sqs);
    this.dynamo = new DynamoDbTasks(dynamo);
  }

  @Override
  public TaskOutcome invoke(Command.InvokeTask call) {
    if (LambdaTaskInvoker.handles(call.resource())) return lambda.invoke(call);
    Resource resource = Resource.parse(call.resource());
    if (resource.service().equals("sqs") && resource.action().equals("sendMessage")) return sqs.invoke(call.payload());
    if (resource.service().equals("dynamodb")) return dynamo.invoke(resource.action(), call.payload());
    throw new UnsupportedTaskException("Task state '" + call.stateName() + "': resource '" + call.resource()
        + "' is not supported by Stepwise");
  }
}
