package io.stepwise.lambda.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.DefinitionSubstitutions;
import io.stepwise.asl.Diagnostic;
import io.stepwise.asl.validate.DefinitionValidator;
import io.stepwise.asl.validate.ExpressChecks;
import io.stepwise.asl.Definitions;
import io.stepwise.json.Json;
import io.stepwise.runtime.StateMachineStore;
import io.stepwise.runtime.StateMachineStore.StateMachineRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Create, Update and Delete of a {@code Custom::StepwiseStateMachine}: substitute, validate, store.
 * Every outcome is a response, never an exception, so CloudFormation always hears back.
 *
 * <ul>
 *   <li>Create / Update: an invalid definition FAILS with every problem in the Reason; a valid one
 *       is stored as a new version under its ARN (the PhysicalResourceId) unless the latest version
 *       is already identical, so retried and no-op updates add no versions.
 *   <li>Delete stores nothing and removes nothing: executions in flight still read their version,
 *       and the definitions go with the table.
 * </ul>
 */
public final class StateMachineDeployer {
  private static final String OBJECT_HINT = " (Definition was given as an object: CloudFormation passes a custom"
      + " resource's numbers and booleans as strings, so give the definition as JSON text)";
  private final StateMachineStore store;
  private final DefinitionFiles files;

  public StateMachineDeployer(StateMachineStore store) {
    this(store, DefinitionFiles.NONE);
  }

  /** @param files reads a DefinitionS3Location (a DefinitionUri that {@code sam deploy} uploaded) */
  public StateMachineDeployer(StateMachineStore store, DefinitionFiles files) {
    this.store = store;
    this.files = files;
  }

  public CustomResourceResponse handle(CustomResourceRequest request) {
    String type = request.requestType() == null ? "" : request.requestType();
    try {
      return switch (type) {
        case "Create", "Update" -> deploy(request);
        case "Delete" -> CustomResourceResponse.success(request, fallbackId(request), Map.of());
        default -> CustomResourceResponse.failed(request, fallbackId(request), "unknown RequestType: " + type);
      };
    } catch (RuntimeException e) {
      return CustomResourceResponse.failedBy(request, fallbackId(request), type, e);
    }
  }

  private CustomResourceResponse deploy(CustomResourceRequest request) {
    StateMachineProperties properties;
    try {
      properties = StateMachineProperties.of(request, files);
    } catch (IllegalArgumentException invalid) {
      return CustomResourceResponse.failed(request, fallbackId(request), invalid.getMessage());
    }
    DefinitionSubstitutions.Result substituted =
        DefinitionSubstitutions.apply(properties.definition(), properties.substitutions());
    List<Diagnostic> problems = new ArrayList<>(substituted.problems());
    problems.addAll(DefinitionValidator.validate(substituted.definition()));
    if (problems.isEmpty() && "EXPRESS".equals(properties.type())) {
      problems.addAll(ExpressChecks.check(Definitions.load(substituted.definition())));
    }
    if (!problems.isEmpty()) {
      return CustomResourceResponse.failed(request, fallbackId(request),
          reason(problems) + (properties.definitionIsObject() ? OBJECT_HINT : ""));
    }
    String arn = properties.arn(request);
    int version = store(new StateMachineRecord(arn, properties.name(), 0, Json.write(substituted.definition()),
        properties.roleArn(), properties.type()));
    return CustomResourceResponse.success(request, arn,
        Map.of("Arn", arn, "Name", properties.name(), "Version", Integer.toString(version)));
  }

  /** The latest version when it is identical, else a new one. */
  private int store(StateMachineRecord machine) {
    Optional<StateMachineRecord> latest = store.latest(machine.arn());
    if (latest.isPresent() && same(latest.get(), machine)) return latest.get().version();
    return store.put(machine);
  }

  private static boolean same(StateMachineRecord stored, StateMachineRecord wanted) {
    return stored.name().equals(wanted.name()) && stored.roleArn().equals(wanted.roleArn())
        && stored.type().equals(wanted.type()) && sameJson(stored.definition(), wanted.definition());
  }

  private static boolean sameJson(String a, String b) {
    try {
      return Json.parse(a).equals(Json.parse(b));
    } catch (IllegalArgumentException notJson) {
      return false;
    }
  }

  /** Every problem, one after another, as CloudFormation shows a Reason on one line. */
  public static String reason(List<Diagnostic> problems) {
    return "Invalid state machine definition (" + problems.size() + (problems.size() == 1 ? " problem): " : " problems): ")
        + problems.stream().map(Diagnostic::toString).collect(Collectors.joining("; "));
  }

  /** On a failed Update the resource keeps its id; a failed Create needs one CloudFormation can Delete. */
  private static String fallbackId(CustomResourceRequest request) {
    if (request.physicalResourceId() != null) return request.physicalResourceId();
    return "failed-" + (request.logicalResourceId() == null ? "resource" : request.logicalResourceId()) + "-"
        + request.requestId();
  }
}
