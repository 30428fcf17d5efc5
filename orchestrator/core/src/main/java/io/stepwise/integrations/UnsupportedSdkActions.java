package io.stepwise.integrations;

import java.util.Map;
import java.util.Set;

/**
 * The AWS SDK actions Step Functions' aws-sdk integration does not call, though the service's API
 * has them: mostly streaming calls and credential-issuing ones. The developer guide lists them as
 * each service's "Unsupported operations"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html); a Task
 * naming one is refused as an unknown action is.
 */
final class UnsupportedSdkActions {
  private UnsupportedSdkActions() {}

  private static final Map<String, Set<String>> BY_SERVICE = Map.ofEntries(
      Map.entry("applicationdiscovery", Set.of("describeExportConfigurations", "exportConfigurations")),
      Map.entry("bedrockruntime", Set.of("invokeModelWithResponseStream", "converseStream")),
      Map.entry("bedrockagentruntime",
          Set.of("invokeAgent", "invokeFlow", "invokeInlineAgent", "optimizePrompt", "retrieveAndGenerateStream")),
      Map.entry("cloudwatchlogs", Set.of("startLiveTail")),
      Map.entry("codedeploy", Set.of("batchGetDeploymentInstances", "getDeploymentInstance", "listDeploymentInstances",
          "skipWaitTimeForInstanceTermination")),
      Map.entry("comprehendmedical", Set.of("detectEntities")),
      Map.entry("dataexchange", Set.of("sendApiAsset")),
      Map.entry("directconnect", Set.of("allocateConnectionOnInterconnect", "describeConnectionLoa",
          "describeConnectionsOnInterconnect", "describeInterconnectLoa")),
      Map.entry("efs", Set.of("createTags")),
      Map.entry("emr", Set.of("describeJobFlows")),
      Map.entry("iot", Set.of("attachPrincipalPolicy", "listPrincipalPolicies", "detachPrincipalPolicy",
          "listPolicyPrincipals")),
      Map.entry("iotsitewise", Set.of("invokeAssistant")),
      Map.entry("kinesis", Set.of("subscribeToShard")),
      Map.entry("lambda", Set.of("invokeAsync", "invokeWithResponseStream")),
      Map.entry("lexruntimev2", Set.of("startConversation")),
      Map.entry("mediapackage", Set.of("rotateChannelCredentials")),
      Map.entry("qbusiness", Set.of("chat")),
      Map.entry("rdsdata", Set.of("executeSql")),
      Map.entry("s3", Set.of("selectObjectContent")),
      Map.entry("sagemakerruntime", Set.of("invokeEndpointWithResponseStream")),
      Map.entry("shield", Set.of("deleteSubscription")),
      Map.entry("sts", Set.of("assumeRole", "assumeRoleWithSAML", "assumeRoleWithWebIdentity")));

  /** Whether Step Functions refuses {@code arn:aws:states:::aws-sdk:SERVICE:ACTION}. */
  static boolean contains(String service, String action) {
    return BY_SERVICE.getOrDefault(service, Set.of()).contains(action);
  }
}
