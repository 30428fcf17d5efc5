package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.ValidatorAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.asl.Diagnostic;
import io.stepwise.asl.Diagnostics;
import io.stepwise.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Machine-level validation: top-level fields, state names, transitions, reachability, terminal
 * states, JSON syntax, and whole definitions that must pass. None reaches the stubbed contracts
 * (JSONPath Choice rules, intrinsic functions, JSONata bodies).
 */
class DefinitionValidatorTest {
  @Test
  void topLevelFields() {
    assertProblems("{'StartAt':'A','States':{'A':" + PASS_END + "},'Foo':1}", SCHEMA + "/");
    assertProblems("{'States':{'A':" + PASS_END + "}}", SCHEMA + "/");
    assertProblems("{'StartAt':'A'}", SCHEMA + "/");
    assertProblems("{'StartAt':'A','States':{}}", SCHEMA + "/States");
    // AWS (CloudFormation, aws-cloudformation/cfn-lint#4074): "Missing 'Next' target: B at /StartAt" and A not reachable
    assertProblems("{'StartAt':'B','States':{'A':" + PASS_END + "}}", TARGET + "/StartAt", UNREACHABLE + "/States/A");
    assertProblems("{'StartAt':'A','TimeoutSeconds':0,'States':{'A':" + PASS_END + "}}", SCHEMA + "/TimeoutSeconds");
    assertProblems("{'StartAt':'A','Version':1,'States':{'A':" + PASS_END + "}}", SCHEMA + "/Version");
    assertProblems("{'QueryLanguage':'XPath','StartAt':'A','States':{'A':" + PASS_END + "}}",
        SCHEMA + "/QueryLanguage");
    assertProblems("[]", SCHEMA + "/");
  }

  /** ValidateStateMachineDefinition's recorded answers (AWS, 2025) for text that is no definition. */
  @Test
  void givenNoDefinition_whenValidated_thenAwsDiagnosticsToTheLetter() {
    assertEquals(List.of(new Diagnostic(Diagnostics.SCHEMA, null, "Definition must be a valid JSON object")),
        DefinitionValidator.validateText(""));
    String source = "[Source: (String)\"not a definition\"; line: 1, column: 4]";
    assertEquals(List.of(new Diagnostic(Diagnostics.INVALID_JSON, source, "Unrecognized token 'not': was expecting "
            + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at " + source)),
        DefinitionValidator.validateText("not a definition"));
    assertEquals(List.of(new Diagnostic(Diagnostics.SCHEMA, "/", "These fields are required: [States, StartAt]")),
        DefinitionValidator.validateText("{}"));
    assertEquals(List.of(new Diagnostic(Diagnostics.SCHEMA, "/", "These fields are required: [StartAt]")),
        DefinitionValidator.validateText("{\"States\": {\"A\": {\"Type\": \"Succeed\"}}}"));
    assertEquals("SCHEMA_VALIDATION_FAILED at /: These fields are required: [StartAt]",
        DefinitionValidator.validateText("{\"States\": {\"A\": {\"Type\": \"Succeed\"}}}").get(0).toString());
  }

  @Test
  void stateTypesAndNames() {
    assertProblems(one("{'End':true}"), SCHEMA + "/States/A");
    assertProblems(one("{'Type':'Sleep','End':true}"), SCHEMA + "/States/A/Type");
    String longName = "N".repeat(81);
    assertProblems("{'StartAt':'" + longName + "','States':{'" + longName + "':" + PASS_END + "}}",
        SCHEMA + "/States/" + longName);
    // JSON pointer escaping of '/' in a state name
    assertProblems("{'StartAt':'a/b','States':{'a/b':{'Type':'Pass','End':true,'Foo':1}}}", SCHEMA + "/States/a~1b");
  }

  @Test
  void nextAndEnd() {
    assertProblems("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B','End':true},'B':" + PASS_END + "}}",
        SCHEMA + "/States/A/Next");
    assertProblems(one("{'Type':'Pass'}"), SCHEMA + "/States/A", NO_TERMINAL + "null");
    assertProblems(one("{'Type':'Pass','End':'yes'}"), SCHEMA + "/States/A/End", SCHEMA + "/States/A", NO_TERMINAL + "null");
    assertProblems("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Succeed','Next':'A'}}}",
        SCHEMA + "/States/B");
  }

  /**
   * AWS calls a state unreachable when nothing names it: with StartAt naming no state, "Pass One" is
   * not reachable and "Success", which Pass One names, is not reported (CloudFormation's answer,
   * https://github.com/aws-cloudformation/cfn-lint/issues/4074).
   */
  @Test
  void aStateNamedByAnUnreachableOne_isNotReported() {
    List<Diagnostic> problems = DefinitionValidator.validateText("{\"StartAt\": \"Not sure\", \"States\": {"
        + "\"Pass One\": {\"Type\": \"Pass\", \"Next\": \"Success\"}, \"Success\": {\"Type\": \"Succeed\"}}}");
    assertEquals(List.of("MISSING_TRANSITION_TARGET: Missing 'Next' target: Not sure at /StartAt",
        "MISSING_TRANSITION_TARGET: State \"Pass One\" is not reachable. at /States/Pass One"),
        problems.stream().map(d -> d.code() + ": " + d.message() + " at " + d.location()).toList());
  }

  @Test
  void transitionsReachabilityAndTerminals() {
    assertProblems("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'Nope'},'B':" + PASS_END + "}}",
        TARGET + "/States/A/Next", UNREACHABLE + "/States/B");
    assertProblems("{'StartAt':'A','States':{'A':" + PASS_END + ",'B':" + PASS_END + "}}", UNREACHABLE + "/States/B");
    assertProblems("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Pass','Next':'A'}}}",
        NO_TERMINAL + "null");
    // As on AWS, a machine with no terminal state is not also walked for unreachable states.
    assertProblems("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Pass','Next':'A'},"
        + "'C':{'Type':'Pass','Next':'A'}}}", NO_TERMINAL + "null");
    // ... but an unreachable terminal state is still unreachable
    assertProblems("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Pass','Next':'A'},"
        + "'C':{'Type':'Succeed'}}}", UNREACHABLE + "/States/C");
  }

  @Test
  void stateNamesAreUniqueAcrossNestedMachines() {
    assertProblems("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'P'},'P':{'Type':'Parallel','End':true,"
        + "'Branches':[{'StartAt':'A','States':{'A':" + PASS_END + "}}]}}}",
        DUPLICATE + "/States/P/Branches[0]/States/A");
    assertEquals("DUPLICATE_STATE_NAME at /States/P/Branches[0]/States/A: Duplicate State name: A",
        DefinitionValidator.validate(Json.parse(("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'P'},"
            + "'P':{'Type':'Parallel','End':true,'Branches':[{'StartAt':'A','States':{'A':" + PASS_END + "}}]}}}")
            .replace('\'', '"'))).get(0).toString());
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertProblems("{'StartAt':'A','Extra':true,'States':{"
            + "'A':{'Type':'Task','Resource':'nope','Next':'Gone','InputPath':'bad','TimeoutSeconds':-5},"
            + "'B':{'Type':'Wait','End':true},"
            + "'C':{'Type':'Pass','Output':1,'End':true,'Parameters':{'p.$':'x'}}}}",
        SCHEMA + "/", RESOURCE + "/States/A/Resource", TARGET + "/States/A/Next", PATH + "/States/A/InputPath",
        SCHEMA + "/States/A/TimeoutSeconds", SCHEMA + "/States/B", SCHEMA + "/States/C",
        PATH + "/States/C/Parameters/p.$", UNREACHABLE + "/States/B", UNREACHABLE + "/States/C");
  }

  @Test
  void validDefinitions() {
    assertValid("{'Comment':'c','Version':'1.0','TimeoutSeconds':60,'StartAt':'A','States':{"
        + "'A':{'Type':'Pass','Result':{'x':1},'ResultPath':'$.r','Parameters':{'ctx.$':'$$.Execution.Id',"
        + "'v.$':'$myVar.field','all.$':'$..price','nested':{'a.$':'$.a'},'list':[{'b.$':'$[0]'}]},"
        + "'Assign':{'myVar.$':'$.r','k':'{% not jsonata here %}'},'InputPath':null,'OutputPath':'$myVar','Next':'T'},"
        + "'T':{'Type':'Task'," + LAMBDA + ",'TimeoutSecondsPath':'$.t','HeartbeatSeconds':5,'ResultPath':null,"
        + "'Credentials':{'RoleArn.$':'$.role'},'ResultSelector':{'p.$':'$.Payload'},"
        + "'Retry':[{'ErrorEquals':['Custom'],'IntervalSeconds':1,'MaxAttempts':0,'BackoffRate':1.5,"
        + "'MaxDelaySeconds':10,'JitterStrategy':'FULL'},{'ErrorEquals':['States.ALL']}],"
        + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'F','ResultPath':'$.error'}],'Next':'W'},"
        + "'W':{'Type':'Wait','Timestamp':'2016-03-05T21:29:29.243167252Z','Next':'P'},"
        + "'P':{'Type':'Parallel','Branches':[{'StartAt':'B','States':{'B':{'Type':'Succeed'}}}],'Next':'M'},"
        + "'M':{'Type':'Map','ItemsPath':'$$.Execution.Input.items','MaxConcurrency':0,"
        + "'ToleratedFailurePercentage':0.5,"
        + "'Iterator':{'StartAt':'I','States':{'I':" + PASS_END + "}},'Parameters':{'i.$':'$$.Map.Item.Value'},"
        + "'Next':'S'},"
        + "'S':{'Type':'Succeed','OutputPath':'$.r'},"
        + "'F':{'Type':'Fail','ErrorPath':'$.error.Error','Cause':'failed'}}}");
    assertValid("{'QueryLanguage':'JSONata','StartAt':'A','States':{"
        + "'A':{'Type':'Task'," + LAMBDA + ",'Arguments':{'x':1},'Output':[1,'two'],'TimeoutSeconds':10,"
        + "'Catch':[{'ErrorEquals':['States.ALL'],'Output':{},'Assign':{'e':1},'Next':'C'}],'Next':'M'},"
        + "'M':{'Type':'Map','Items':[1,2],'MaxConcurrency':2,'ItemSelector':{'v':1},'ItemProcessor':{"
        + "'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},'StartAt':'I','States':{'I':"
        + PASS_END + "}},'Next':'C'},"
        + "'C':{'Type':'Choice','Choices':[{'Condition':true,'Next':'D','Output':null}],'Default':'D','Output':'x'},"
        + "'D':{'Type':'Pass','QueryLanguage':'JSONata','Output':null,'Next':'E'},"
        + "'E':{'Type':'Fail','Error':'Oops','Cause':'plain'}}}");
    // per-state QueryLanguage in a JSONPath machine
    assertValid("{'StartAt':'A','States':{'A':{'Type':'Pass','QueryLanguage':'JSONata','Output':{'a':1},'Next':'B'},"
        + "'B':{'Type':'Pass','QueryLanguage':'JSONPath','OutputPath':'$.a','End':true}}}");
  }

  @Test
  void validateTextReportsJsonSyntax() {
    List<Diagnostic> problems = DefinitionValidator.validateText("{\"StartAt\": \"A\", \"States\": {");
    assertEquals(List.of(Diagnostics.INVALID_JSON), problems.stream().map(Diagnostic::code).toList());
    assertEquals(Diagnostics.INVALID_JSON, DefinitionValidator.validateText("{} {}").get(0).code());
    assertEquals(List.of(), DefinitionValidator.validateText(
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}"));
  }

  @Test
  void taskResource_thatStepwiseCannotRun_failsValidationNamingIt() {
    String unsupported = "arn:aws:states:::aws-sdk:s3:getObjekt";
    var problems = DefinitionValidator.validate(Json.parse(
        "{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\": \"" + unsupported + "\", \"End\": true}}}"));
    assertEquals(1, problems.size());
    assertEquals("/States/T/Resource", problems.get(0).location());
    assertTrue(problems.get(0).message().contains(unsupported), problems.get(0).message());
    for (String supported : List.of("arn:aws:states:::lambda:invoke", "arn:aws:states:::lambda:invoke.waitForTaskToken",
        "arn:aws:lambda:us-east-1:123456789012:function:f", "arn:aws:states:::sqs:sendMessage",
        "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "arn:aws:states:::dynamodb:putItem",
        "arn:aws:states:::states:startExecution.sync:2", "arn:aws:states:::aws-sdk:s3:getObject",
        "arn:aws:states:::sns:publish.waitForTaskToken", "arn:aws:states:::glue:startJobRun.sync")) {
      assertEquals(List.of(), DefinitionValidator.validate(Json.parse(
          "{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\": \"" + supported + "\", \"End\": true}}}")), supported);
    }
  }
}
