package io.stepwise.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Stepwise} CloudFormation macro, as a pure function of the template fragment: every
 * {@code AWS::Serverless::StateMachine} and {@code AWS::StepFunctions::StateMachine} becomes a
 * {@code Custom::StepwiseStateMachine} under the same logical id (so {@code !Ref} gives its ARN and
 * {@code !GetAtt X.Arn} / {@code X.Name} still resolve), with a role its tasks run as, and each of
 * its Events becomes a rule or schedule that targets Stepwise's start function.
 *
 * <p>Listed in the template before SAM's transform ({@code Transform: [Stepwise,
 * AWS::Serverless-2016-10-31]}), it sees the state machines as the user wrote them; SAM then
 * expands the rest. Anything it cannot honour fails the deploy with every such property named.
 */
public final class StepwiseMacro {
  /**
   * What the macro's own stack provides.
   *
   * @param serviceToken the state machine custom resource function's ARN
   * @param startFunctionArn the function rules and schedules invoke to start executions
   * @param taskRoleTrustArns the principals that assume a state machine's role to run its tasks:
   *     the orchestrator's role, and the API function's (StartSyncExecution runs Express tasks there)
   */
  public record Settings(String serviceToken, String startFunctionArn, List<String> taskRoleTrustArns) {
    public Settings {
      taskRoleTrustArns = List.copyOf(taskRoleTrustArns);
      if (taskRoleTrustArns.isEmpty()) throw new IllegalArgumentException("a machine role must trust at least one principal");
    }
  }

  /** The rewritten fragment, or the problems that stop the deploy (then the fragment is the input, untouched). */
  public record Result(ObjectNode fragment, List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private static final List<String> KEPT_ATTRIBUTES = List.of("DependsOn", "Condition", "DeletionPolicy",
      "UpdateReplacePolicy", "Metadata");

  private final Settings settings;

  public StepwiseMacro(Settings settings) {
    this.settings = settings;
  }

  public Result transform(ObjectNode fragment) {
    ObjectNode out = fragment.deepCopy();
    ObjectNode resources = (ObjectNode) out.path("Resources");
    if (resources.isMissingNode()) return new Result(fragment, List.of());
    List<String> problems = new ArrayList<>();
    for (String id : StateMachineSpec.ids(resources)) {
      StateMachineSpec spec = StateMachineSpec.of(id, resources.get(id));
      problems.addAll(spec.unsupported());
      ObjectNode machine = customResource(spec, resources.get(id), problems);
      resources.set(id, machine);
      if (spec.role() == null) resources.set(id + "Role", role(spec, problems));
      new EventResources(settings, spec).addTo(resources, problems);
    }
    return problems.isEmpty() ? new Result(out, List.of()) : new Result(fragment, List.copyOf(problems));
  }

  private ObjectNode customResource(StateMachineSpec spec, JsonNode original, List<String> problems) {
    ObjectNode resource = Json.NODES.objectNode();
    resource.put("Type", "Custom::StepwiseStateMachine");
    for (String attribute : KEPT_ATTRIBUTES) {
      if (original.has(attribute)) resource.set(attribute, original.get(attribute));
    }
    ObjectNode properties = resource.putObject("Properties");
    properties.put("ServiceToken", settings.serviceToken());
    properties.put("ServiceTimeout", 300);
    if (spec.definition() != null) {
      properties.set("Definition", DefinitionText.of(spec.definition()));
    } else if (spec.definitionString() != null) {
      properties.set("Definition", spec.definitionString());
    } else if (spec.definitionUri() != null) {
      properties.set("DefinitionS3Location", s3Location(spec.definitionUri()));
    } else {
      problems.add("Resources." + spec.logicalId() + ".Properties: no Definition, DefinitionString or DefinitionUri");
    }
    if (spec.substitutions() != null) properties.set("DefinitionSubstitutions", spec.substitutions());
    if (spec.name() != null) properties.set("StateMachineName", spec.name());
    if (spec.type() != null) properties.set("Type", spec.type());
    properties.set("RoleArn", spec.role() != null ? spec.role() : getAtt(spec.logicalId() + "Role", "Arn"));
    return resource;
  }

  /** SAM's DefinitionUri ({@code s3://bucket/key} once {@code sam package} uploaded it, or Bucket/Key/Version). */
  private static JsonNode s3Location(JsonNode uri) {
    if (!uri.isTextual() || !uri.textValue().startsWith("s3://")) return uri;
    String path = uri.textValue().substring("s3://".length());
    int slash = path.indexOf('/');
    ObjectNode location = Json.NODES.objectNode();
    location.put("Bucket", slash < 0 ? path : path.substring(0, slash));
    location.put("Key", slash < 0 ? "" : path.substring(slash + 1));
    return location;
  }

  /** Where machine roles live: the orchestrator role may assume {@code role/stepwise/*} only. */
  public static final String MACHINE_ROLE_PATH = "/stepwise/";

  /** The state machine's own role: assumed by Stepwise to run its tasks, holding what Policies grant. */
  private ObjectNode role(StateMachineSpec spec, List<String> problems) {
    PolicyTemplates.RolePolicies policies = PolicyTemplates.read(spec.policies(),
        "Resources." + spec.logicalId() + ".Properties.Policies");
    problems.addAll(policies.problems());
    ObjectNode role = Json.NODES.objectNode();
    role.put("Type", "AWS::IAM::Role");
    ObjectNode properties = role.putObject("Properties");
    // The orchestrator may assume only roles under this path (template.yml's MachineRoles grant)
    properties.put("Path", MACHINE_ROLE_PATH);
    ArrayNode principals = Json.NODES.arrayNode();
    settings.taskRoleTrustArns().forEach(principals::add);
    properties.set("AssumeRolePolicyDocument", trust("AWS", principals, "sts:AssumeRole", "sts:TagSession"));
    if (!policies.managedPolicyArns().isEmpty()) {
      properties.putArray("ManagedPolicyArns").addAll(policies.managedPolicyArns());
    }
    if (!policies.statements().isEmpty()) {
      ObjectNode policy = properties.putArray("Policies").addObject();
      policy.put("PolicyName", spec.logicalId() + "RolePolicy");
      policy.set("PolicyDocument", document(policies.statements()));
    }
    return role;
  }

  static ObjectNode trust(String principalType, JsonNode principal, String... actions) {
    ObjectNode statement = Json.NODES.objectNode();
    statement.put("Effect", "Allow");
    statement.putObject("Principal").set(principalType, principal);
    ArrayNode list = statement.putArray("Action");
    for (String action : actions) list.add(action);
    return document(List.of(statement));
  }

  static ObjectNode document(List<JsonNode> statements) {
    ObjectNode document = Json.NODES.objectNode();
    document.put("Version", "2012-10-17");
    document.putArray("Statement").addAll(statements);
    return document;
  }

  static ObjectNode getAtt(String resource, String attribute) {
    ObjectNode getAtt = Json.NODES.objectNode();
    getAtt.putArray("Fn::GetAtt").add(resource).add(attribute);
    return getAtt;
  }

  static ObjectNode ref(String resource) {
    ObjectNode ref = Json.NODES.objectNode();
    ref.put("Ref", resource);
    return ref;
  }
}
