package io.stepwise.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SAM's {@code Policies} turned into what an IAM role holds: managed policy ARNs, and statements
 * from inline documents and SAM policy templates (expanded as SAM expands them, with
 * {@code Fn::Sub} so the same output serves CloudFormation and the local stack).
 */
public final class PolicyTemplates {
  /** What a role gets from Policies; {@code problems} name each entry that could not be read, with its path. */
  public record RolePolicies(List<JsonNode> managedPolicyArns, List<JsonNode> statements, List<String> problems) {}

  private record Template(String parameter, String resource, List<String> actions, boolean withChildren) {}

  private static final String ARN = "arn:${AWS::Partition}:";
  private static final String REGION_ACCOUNT = ":${AWS::Region}:${AWS::AccountId}:";
  private static final List<String> DYNAMODB_READ = List.of("dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query",
      "dynamodb:BatchGetItem", "dynamodb:DescribeTable");
  private static final List<String> S3_READ = List.of("s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation",
      "s3:GetObjectVersion", "s3:GetLifecycleConfiguration");

  /** The SAM policy templates Stepwise expands: parameter, resource pattern, actions, and whether {@code /*} is added. */
  private static final Map<String, Template> TEMPLATES = Map.ofEntries(
      Map.entry("LambdaInvokePolicy", new Template("FunctionName",
          ARN + "lambda" + REGION_ACCOUNT + "function:${FunctionName}*", List.of("lambda:InvokeFunction"), false)),
      Map.entry("StepFunctionsExecutionPolicy", new Template("StateMachineName",
          ARN + "states" + REGION_ACCOUNT + "stateMachine:${StateMachineName}", List.of("states:StartExecution"), false)),
      Map.entry("SQSSendMessagePolicy", new Template("QueueName",
          ARN + "sqs" + REGION_ACCOUNT + "${QueueName}", List.of("sqs:SendMessage*"), false)),
      Map.entry("SQSPollerPolicy", new Template("QueueName", ARN + "sqs" + REGION_ACCOUNT + "${QueueName}",
          List.of("sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessage",
              "sqs:DeleteMessageBatch", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"), false)),
      Map.entry("SNSPublishMessagePolicy", new Template("TopicName",
          ARN + "sns" + REGION_ACCOUNT + "${TopicName}", List.of("sns:Publish"), false)),
      Map.entry("DynamoDBReadPolicy", new Template("TableName",
          ARN + "dynamodb" + REGION_ACCOUNT + "table/${TableName}", DYNAMODB_READ, true)),
      Map.entry("DynamoDBWritePolicy", new Template("TableName",
          ARN + "dynamodb" + REGION_ACCOUNT + "table/${TableName}",
          List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"), true)),
      Map.entry("DynamoDBCrudPolicy", new Template("TableName",
          ARN + "dynamodb" + REGION_ACCOUNT + "table/${TableName}",
          List.of("dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query",
              "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem", "dynamodb:DescribeTable",
              "dynamodb:ConditionCheckItem"), true)),
      Map.entry("S3ReadPolicy", new Template("BucketName", ARN + "s3:::${BucketName}", S3_READ, true)),
      Map.entry("S3WritePolicy", new Template("BucketName", ARN + "s3:::${BucketName}",
          List.of("s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration"), true)),
      Map.entry("S3CrudPolicy", new Template("BucketName", ARN + "s3:::${BucketName}",
          List.of("s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:PutObject",
              "s3:PutObjectAcl", "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration", "s3:DeleteObject"),
          true)),
      Map.entry("EventBridgePutEventsPolicy", new Template("EventBusName",
          ARN + "events" + REGION_ACCOUNT + "event-bus/${EventBusName}", List.of("events:PutEvents"), false)),
      Map.entry("AWSSecretsManagerGetSecretValuePolicy", new Template("SecretArn", "${SecretArn}",
          List.of("secretsmanager:GetSecretValue"), false)),
      Map.entry("SSMParameterReadPolicy", new Template("ParameterName",
          ARN + "ssm" + REGION_ACCOUNT + "parameter/${ParameterName}",
          List.of("ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath"), false)));

  /** Managed policies that live under {@code service-role/}, as SAM's bundled map of names has them. */
  private static final List<String> SERVICE_ROLE = List.of("AWSLambdaRole", "AWSLambdaBasicExecutionRole",
      "AWSLambdaVPCAccessExecutionRole", "AWSLambdaSQSQueueExecutionRole", "AWSLambdaDynamoDBExecutionRole",
      "AWSLambdaKinesisExecutionRole");

  private PolicyTemplates() {}

  /** Reads every entry of Policies; {@code path} is the Policies property's own path, for the problems. */
  public static RolePolicies read(List<JsonNode> policies, String path) {
    List<JsonNode> managed = new ArrayList<>();
    List<JsonNode> statements = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < policies.size(); i++) {
      JsonNode policy = policies.get(i);
      String at = path + "[" + i + "]";
      if (policy.isTextual()) {
        managed.add(managedArn(policy.textValue()));
      } else if (StateMachineSpec.isIntrinsic(policy)) {
        managed.add(policy); // !Ref MyManagedPolicy, or a Sub'd ARN
      } else if (policy.isObject() && policy.has("Statement")) {
        policy.path("Statement").forEach(statements::add);
        if (policy.path("Statement").isObject()) statements.add(policy.path("Statement"));
      } else if (policy.isObject() && policy.size() == 1) {
        String name = policy.fieldNames().next();
        Template template = TEMPLATES.get(name);
        if (template == null) {
          problems.add(at + ": the SAM policy template " + name + " (Stepwise expands "
              + String.join(", ", TEMPLATES.keySet().stream().sorted().toList()) + ")");
          continue;
        }
        JsonNode value = policy.get(name).get(template.parameter());
        if (value == null) {
          problems.add(at + "." + name + ": needs " + template.parameter());
          continue;
        }
        statements.add(statement(template, value));
      } else {
        problems.add(at + ": not a managed policy name, a policy document or a SAM policy template");
      }
    }
    return new RolePolicies(List.copyOf(managed), List.copyOf(statements), List.copyOf(problems));
  }

  private static JsonNode managedArn(String name) {
    if (name.startsWith("arn:")) return Json.NODES.textNode(name);
    String path = SERVICE_ROLE.contains(name) ? "service-role/" + name : name;
    return sub(ARN + "iam::aws:policy/" + path, null, null);
  }

  private static ObjectNode statement(Template template, JsonNode value) {
    ObjectNode statement = Json.NODES.objectNode();
    statement.put("Effect", "Allow");
    ArrayNode actions = statement.putArray("Action");
    template.actions().forEach(actions::add);
    ArrayNode resources = statement.putArray("Resource");
    resources.add(sub(template.resource(), template.parameter(), value));
    if (template.withChildren()) {
      String children = template.resource().contains("dynamodb") ? "/index/*" : "/*";
      resources.add(sub(template.resource() + children, template.parameter(), value));
    }
    return statement;
  }

  /** {@code {"Fn::Sub": [text, {parameter: value}]}}, or the plain form without a parameter. */
  static ObjectNode sub(String text, String parameter, JsonNode value) {
    ObjectNode sub = Json.NODES.objectNode();
    if (parameter == null) {
      sub.put("Fn::Sub", text);
    } else {
      ArrayNode arguments = sub.putArray("Fn::Sub");
      arguments.add(text);
      arguments.addObject().set(parameter, value);
    }
    return sub;
  }
}
