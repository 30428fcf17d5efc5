package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.ValidatorAssertions.RESOURCE;
import static io.stepwise.asl.validate.ValidatorAssertions.assertProblems;
import static io.stepwise.asl.validate.ValidatorAssertions.assertValid;
import static io.stepwise.asl.validate.ValidatorAssertions.one;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Forms found in deployed public workflows (AWS's sample projects, the serverless workflows
 * collection) and in the developer guide, which AWS accepts: a refusal here is a workflow that
 * runs on AWS and not on Stepwise. Also the documented refusals among them.
 */
class DeployedDefinitionsTest {
  private static String task(String resource, String parameters) {
    return "{'Type':'Task','Resource':'" + resource + "','Parameters':" + parameters + ",'End':true}";
  }

  /**
   * The "Start an Athena query" sample: startQueryExecution.sync, then getQueryResults. The
   * optimized Athena integration also offers stopQueryExecution and getQueryExecution,
   * request-response only (https://docs.aws.amazon.com/step-functions/latest/dg/connect-athena.html).
   */
  @Test
  void athenaQueryThenItsResults_isAccepted_andTheirSyncIsNot() {
    assertValid("{'StartAt':'Start','States':{"
        + "'Start':{'Type':'Task','Resource':'arn:aws:states:::athena:startQueryExecution.sync',"
        + "'Parameters':{'QueryString':'SELECT 1','WorkGroup':'primary'},'Next':'Get'},"
        + "'Get':{'Type':'Task','Resource':'arn:aws:states:::athena:getQueryResults',"
        + "'Parameters':{'QueryExecutionId.$':'$.QueryExecution.QueryExecutionId'},'Next':'Describe'},"
        + "'Describe':{'Type':'Task','Resource':'arn:aws:states:::athena:getQueryExecution',"
        + "'Parameters':{'QueryExecutionId.$':'$.QueryExecution.QueryExecutionId'},'Next':'Stop'},"
        + "'Stop':{'Type':'Task','Resource':'arn:aws:states:::athena:stopQueryExecution',"
        + "'Parameters':{'QueryExecutionId.$':'$.QueryExecution.QueryExecutionId'},'End':true}}}");
    assertProblems(one(task("arn:aws:states:::athena:getQueryResults.sync", "{'QueryExecutionId':'q'}")),
        RESOURCE + "/States/A/Resource");
  }

  /** The optimized CodeBuild APIs (https://docs.aws.amazon.com/step-functions/latest/dg/connect-codebuild.html). */
  @Test
  void codeBuildRequestResponseApis_areAccepted() {
    for (String action : new String[] {"stopBuild", "batchGetReports", "stopBuildBatch", "startBuildBatch",
        "retryBuildBatch"}) {
      assertValid(one(task("arn:aws:states:::codebuild:" + action, "{'Id':'b'}")));
    }
  }

  /**
   * The developer guide lists, per service, the SDK actions the aws-sdk integration does not
   * support (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html):
   * they are refused as an unknown action is, their neighbours are not.
   */
  @Test
  void awsSdkActionsStepFunctionsDoesNotSupport_areRefused() {
    for (String action : new String[] {"sts:assumeRole", "lambda:invokeAsync", "lambda:invokeWithResponseStream",
        "bedrockruntime:converseStream", "bedrockagentruntime:invokeAgent", "s3:selectObjectContent"}) {
      assertProblems(one(task("arn:aws:states:::aws-sdk:" + action, "{}")), RESOURCE + "/States/A/Resource");
    }
    for (String action : new String[] {"sts:getCallerIdentity", "lambda:invoke", "bedrockruntime:converse",
        "bedrockagentruntime:retrieve", "s3:getObject"}) {
      assertValid(one(task("arn:aws:states:::aws-sdk:" + action, "{}")));
    }
  }

  /** Result selections of the collection's Glacier restore and of AWS's CDK samples. */
  @Test
  void deepScansAndMultiNameBrackets_ofDeployedSamples_areAccepted() {
    // quoted names keep their single quotes, so this one is written in plain JSON
    assertEquals(List.of(), DefinitionValidator.validate(Json.parse("{\"StartAt\":\"A\",\"States\":{\"A\":{"
        + "\"Type\":\"Map\",\"ItemProcessor\":{\"StartAt\":\"I\",\"States\":{\"I\":{\"Type\":\"Pass\",\"End\":true}}},"
        + "\"ResultSelector\":{\"result.$\":\"$.[*].['bucket', 'key']\"},\"End\":true}}}")));
    assertValid(one("{'Type':'Pass','Parameters':{'object.$':'$..arrays[?(@.length == 1)]',"
        + "'filtered.$':'$..result','items.$':'$..getItems.Items[1:]'},'End':true}"));
  }
}
