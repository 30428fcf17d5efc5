package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.ValidatorAssertions.*;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.asl.Diagnostic;
import io.stepwise.asl.Diagnostics;
import io.stepwise.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * State-level validation: the fields each type accepts per query language, paths, payload
 * templates, and the type-specific rules of Task, Wait, Fail, Choice, Parallel and Map states,
 * each invalid definition checked for its exact codes and locations. None reaches the stubbed
 * contracts (JSONPath Choice rules, intrinsic functions, JSONata bodies).
 */
class StateFieldsTest {
  @Test
  void dotBracketPaths_areAccepted_asAwsAcceptsThem() {
    assertValid(one("""
        {"Type": "Pass", "InputPath": "$.[0]", "Parameters": {"b.$": "$.[0].body"}, "ResultPath": "$.[0].r",
         "OutputPath": "$.[0]", "End": true}"""));
  }

  @Test
  void unknownTypeAndBadTemplatePath_areReportedInAwsWords() {
    assertEquals(List.of("/States/A/Type: The field 'Type' should have one of these values: "
            + "[Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]"),
        messages(one("{'Type':'Sleep','End':true}")));
    assertEquals(List.of("/States/A/Parameters/id.$: The value for the field 'id.$' must be a valid JSONPath "
            + "or a valid intrinsic function call"),
        messages(one("{'Type':'Pass','Parameters':{'id.$':'previous'},'End':true}")));
  }

  private static List<String> messages(String definition) {
    return DefinitionValidator.validate(Json.parse(definition.replace('\'', '"'))).stream()
        .map(d -> d.location() + ": " + d.message()).toList();
  }

  /** Jayway, which AWS compiles paths with, reads these filters; the docs bar them from reference paths only. */
  @Test
  void jaywayFilterOperators_areAcceptedInPaths() {
    // the helpers turn single quotes into double ones: strings here are double-quoted, as Jayway also reads
    assertValid(one("""
        {"Type": "Pass", "InputPath": "$.items[?(@.tag in [\\"a\\",\\"b\\"])]",
         "Parameters": {"r.$": "$[?(@.name =~ /ab.*/i)]", "s.$": "$.a[?(@.list size 2 && @.x nin [1,2])]",
                        "t.$": "$.a[?(@.list subsetof [\\"x\\"] || @.list anyof [\\"y\\"] || @.list noneof [\\"z\\"])]",
                        "u.$": "$.a[?(@.s contains \\"x\\" && @.l empty false)]"},
         "End": true}"""));
    assertProblems(one("{'Type':'Pass','ResultPath':'$.a[?(@.x in [1])]','End':true}"), PATH + "/States/A/ResultPath");
  }

  /**
   * AWS's Paths page gives {@code $.jar[?(@.a >= 5)]} as a Reference Path, and bars functions,
   * word operators, regex and root references from them; ResultPath, which writes, stays definite.
   */
  @Test
  void plainFilters_areAcceptedInReadingReferencePaths() {
    assertValid(one("{'Type':'Map','End':true,'ItemProcessor':" + PROCESSOR + ",'ItemsPath':'$.jar[?(@.a >= 5)]'}"));
    assertValid(one("{'Type':'Wait','SecondsPath':'$.w[?(@.on == true && !(@.x < 1))][0].s','End':true}"));
    assertValid("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{'Variable':'$.jar[?(@.a >= 5)]',"
        + "'IsPresent':true,'Next':'X'}],'Default':'X'},'X':" + PASS_END + "}}");
    for (String barred : new String[] {"$.jar[?(@.a in [5])]", "$.jar[?(@.a =~ /5/)]", "$.jar[?(@.a == $.b)]",
        "$.jar[?(@.a.length() > 1)]"}) {
      assertProblems(one("{'Type':'Wait','SecondsPath':'" + barred + "','End':true}"), PATH + "/States/A/SecondsPath");
    }
    assertProblems(one("{'Type':'Pass','ResultPath':'$.jar[?(@.a >= 5)]','End':true}"), PATH + "/States/A/ResultPath");
  }

  /** AWS deploys {@code "Jobs.$": "$.Jobs.sum()"} and fails at run time; the docs bar functions from reference paths. */
  @Test
  void jsonPathFunctions_areAcceptedInPaths_butNotInReferencePaths() {
    assertValid(one("""
        {"Type": "Pass", "InputPath": "$.a.length()", "Parameters": {"s.$": "$.Jobs.sum()", "n.$": "$..x.length()"},
         "OutputPath": "$.s.min()", "End": true}"""));
    assertProblems(one("{'Type':'Pass','ResultPath':'$.a.length()','End':true}"), PATH + "/States/A/ResultPath");
    assertProblems(one("{'Type':'Wait','SecondsPath':'$.a.length()','End':true}"), PATH + "/States/A/SecondsPath");
  }

  @Test
  void mapLabel_emptyOrWithAForbiddenCharacter_isRefused() {
    for (String bad : new String[] {"", "label one", "label_{x}", "a:b", "tab\\t", "q?", "back\\\\slash"}) {
      assertProblems(one("{'Type':'Map','End':true,'ItemProcessor':" + PROCESSOR + ",'Label':'" + bad + "'}"),
          SCHEMA + "/States/A/Label");
    }
    assertValid(one("{'Type':'Map','End':true,'ItemProcessor':" + PROCESSOR + ",'Label':'my-label_2.x/y'}"));
  }

  @Test
  void waitTimestampLiteral_notUtcIso8601_isRefusedWithAwsText() {
    // AWS's CreateStateMachine answer, recorded for "2016-12-05 21:29:29Z", a missing Z, month 13,
    // hour 25, a day-first date and a JSONata expression in a JSONPath state.
    for (String bad : new String[] {"2021-07-04 10:00:00Z", "2021-07-04T10:00:00", "2021-13-04T10:00:00Z",
        "2021-07-04T25:00:00Z", "04-07-2021T10:00:00Z", "{% $states.input.t %}"}) {
      List<Diagnostic> problems = DefinitionValidator.validate(
          Json.parse(one("{'Type':'Wait','Timestamp':'" + bad + "','End':true}").replace('\'', '"')));
      assertEquals(List.of(Diagnostics.SCHEMA + ": String does not match RFC3339 timestamp at /States/A/Timestamp"),
          problems.stream().map(d -> d.code() + ": " + d.message() + " at " + d.location()).toList(), bad);
    }
  }

  @Test
  void fieldsPerTypeAndQueryLanguage() {
    assertProblems(one("{'Type':'Pass','TimeoutSeconds':5,'End':true}"), SCHEMA + "/States/A");
    assertProblems(one("{'Type':'Pass','Retry':[],'End':true}"), SCHEMA + "/States/A");
    assertProblems(one("{'Type':'Succeed','Assign':{'x':1}}"), SCHEMA + "/States/A");
    // A field of the other query language is located at the state, both ways (floci-io/floci#2968, measured on AWS).
    assertProblems(oneJsonata("{'Type':'Pass','InputPath':'$.a','End':true}"), SCHEMA + "/States/A");
    assertProblems(one("{'Type':'Pass','Output':{},'End':true}"), SCHEMA + "/States/A");
    assertProblems(oneJsonata("{'Type':'Pass','QueryLanguage':'JSONPath','End':true}"), SCHEMA + "/States/A");
    assertProblems(oneJsonata("{'Type':'Pass','Result':1,'ResultPath':'$.x','End':true}"),
        SCHEMA + "/States/A", SCHEMA + "/States/A");
  }

  @Test
  void variableNamesAreUnicodeIdentifiersOfAtMost80() {
    // The variables page: ID_Start then ID_Continue, at most 80; no part of a variable is assignable.
    assertValid(oneJsonata("{'Type':'Pass','Assign':{'é_ñ9':1,'" + "a".repeat(80) + "':2},'End':true}"));
    assertValid(one("{'Type':'Pass','Assign':{'v.$':'$.a'},'End':true}"));
    assertProblems(oneJsonata("{'Type':'Pass','Assign':{'x.y':1,'x[2]':2,'1x':3,'" + "a".repeat(81) + "':4},'End':true}"),
        SCHEMA + "/States/A/Assign/x.y", SCHEMA + "/States/A/Assign/x[2]", SCHEMA + "/States/A/Assign/1x",
        SCHEMA + "/States/A/Assign/" + "a".repeat(81));
    assertProblems(one("{'Type':'Pass','Assign':{'x.y.$':'$.a'},'End':true}"), SCHEMA + "/States/A/Assign/x.y.$");
  }

  @Test
  void statesResultAndErrorOutputOnlyWhereTheyExist() {
    // The JSONata page: reading them where they are not accessible is caught at creation.
    String task = "{'Type':'Task'," + LAMBDA + ",";
    assertValid(oneJsonata(task + "'Output':'{% $states.result %}','Assign':{'r':'{% $states.result.x %}'},"
        + "'Catch':[{'ErrorEquals':['States.ALL'],'Output':'{% $states.errorOutput %}','Next':'A'}],'End':true}"));
    assertProblems(oneJsonata("{'Type':'Pass','Output':'{% $states.result %}','End':true}"),
        UNSUPPORTED_JSONATA + "/States/A/Output");
    assertProblems(oneJsonata(task + "'Arguments':{'a':'{% $states.errorOutput %}'},'End':true}"),
        UNSUPPORTED_JSONATA + "/States/A/Arguments/a");
    assertProblems(oneJsonata(task + "'Catch':[{'ErrorEquals':['States.ALL'],'Output':'{% $states.result %}','Next':'A'}],"
        + "'End':true}"), UNSUPPORTED_JSONATA + "/States/A/Catch[0]/Output");
  }

  @Test
  void jsonataStringsMustOpenAndCloseTheExpression() {
    // The JSONata page: improperly opening or closing the expression is a validation error.
    assertProblems(oneJsonata("{'Type':'Pass','Output':'{% 1 ','End':true}"), SCHEMA + "/States/A/Output");
    assertProblems(oneJsonata("{'Type':'Pass','Output':{'a':['1 %}']},'End':true}"), SCHEMA + "/States/A/Output/a[0]");
    // Spaces around a whole expression make a literal, as AWS recorded (outputdecl/output_base_literals).
    assertValid(oneJsonata("{'Type':'Pass','Output':' {% 1 %}','End':true}"));
    assertValid(oneJsonata("{'Type':'Pass','Output':'{% 1 %} ','End':true}"));
  }

  @Test
  void paths() {
    assertProblems(one("{'Type':'Pass','InputPath':'a.b','End':true}"), PATH + "/States/A/InputPath");
    assertProblems(one("{'Type':'Pass','OutputPath':'$.a[','End':true}"), PATH + "/States/A/OutputPath");
    assertProblems(one("{'Type':'Pass','ResultPath':'$.a[*]','End':true}"), PATH + "/States/A/ResultPath");
    assertProblems(one("{'Type':'Pass','ResultPath':'$$.Execution','End':true}"), PATH + "/States/A/ResultPath");
    assertProblems(one("{'Type':'Pass','ResultPath':'$myVar','End':true}"), PATH + "/States/A/ResultPath");
    assertProblems(one("{'Type':'Pass','InputPath':3,'End':true}"), SCHEMA + "/States/A/InputPath");
  }

  @Test
  void payloadTemplates() {
    assertProblems(one("{'Type':'Pass','Parameters':{'x.$':'nope','a':{'b.$':5},'list':[{'c.$':'$.['}]},'End':true}"),
        PATH + "/States/A/Parameters/x.$", SCHEMA + "/States/A/Parameters/a/b.$",
        PATH + "/States/A/Parameters/list[0]/c.$");
    // AWS accepts any JSON as Parameters (the spec says object); Assign must be an object of variables
    assertValid(one("{'Type':'Pass','Parameters':['x',{'y.$':'$.y'}],'End':true}"));
    assertProblems(one("{'Type':'Pass','Assign':['x'],'End':true}"), SCHEMA + "/States/A/Assign");
    assertProblems(one("{'Type':'Pass','Assign':{'v.$':'$$.['},'End':true}"), PATH + "/States/A/Assign/v.$");
    assertProblems(one("{'Type':'Task'," + LAMBDA + ",'ResultSelector':{'r.$':'Payload'},'End':true}"),
        PATH + "/States/A/ResultSelector/r.$");
  }

  @Test
  void task() {
    assertProblems("{'StartAt':'T','States':{'T':{'Type':'Task','End':true}}}", SCHEMA + "/States/T");
    assertProblems("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'lambda','End':true}}}",
        RESOURCE + "/States/T/Resource");
    assertProblems(one("{'Type':'Task'," + LAMBDA + ",'TimeoutSeconds':5,'TimeoutSecondsPath':'$.t','End':true}"),
        SCHEMA + "/States/A/TimeoutSeconds");
    assertProblems(one("{'Type':'Task'," + LAMBDA + ",'TimeoutSeconds':5,'HeartbeatSeconds':5,'End':true}"),
        SCHEMA + "/States/A/HeartbeatSeconds");
    assertProblems(one("{'Type':'Task'," + LAMBDA + ",'TimeoutSeconds':0,'End':true}"),
        SCHEMA + "/States/A/TimeoutSeconds");
    assertProblems(one("{'Type':'Task'," + LAMBDA + ",'HeartbeatSecondsPath':'$.h[*]','End':true}"),
        PATH + "/States/A/HeartbeatSecondsPath");
    assertProblems(oneJsonata("{'Type':'Task'," + LAMBDA + ",'TimeoutSeconds':'soon','End':true}"),
        SCHEMA + "/States/A/TimeoutSeconds");
  }

  /** As AWS answers: "The field 'RoleArn' is required but was missing at /States/State0/Credentials". */
  @Test
  void taskCredentials() {
    String task = "{'Type':'Task'," + LAMBDA + ",'End':true,'Credentials':";
    assertValid(one(task + "{'RoleArn':'arn:aws:iam::123456789012:role/r'}}"));
    assertValid(one(task + "{'RoleArn.$':'$.role'}}"));
    assertValid(oneJsonata(task + "{'RoleArn':'{% $states.input.role %}'}}"));
    assertProblems(one(task + "{}}"), SCHEMA + "/States/A/Credentials");
    assertProblems(oneJsonata(task + "{'InvalidField':'invalid'}}"), SCHEMA + "/States/A/Credentials");
    assertProblems(one(task + "'arn:aws:iam::123456789012:role/r'}"), SCHEMA + "/States/A/Credentials");
    assertProblems(one(task + "{'RoleArn':'arn:aws:iam::1:role/r','Other':1}}"), SCHEMA + "/States/A/Credentials");
    assertProblems(one(task + "{'RoleArn':5}}"), SCHEMA + "/States/A/Credentials/RoleArn");
    assertProblems(one(task + "{'RoleArn.$':'role'}}"), PATH + "/States/A/Credentials/RoleArn.$");
    assertProblems(oneJsonata(task + "{'RoleArn.$':'$.role'}}"), SCHEMA + "/States/A/Credentials");
  }

  @Test
  void retriers() {
    String task = "{'Type':'Task'," + LAMBDA + ",'End':true,'Retry':";
    assertProblems(one(task + "[{'ErrorEquals':[]}]}"), SCHEMA + "/States/A/Retry[0]/ErrorEquals");
    assertProblems(one(task + "[{'ErrorEquals':['States.ALL','X']},{'ErrorEquals':['Y']}]}"),
        SCHEMA + "/States/A/Retry[0]/ErrorEquals", SCHEMA + "/States/A/Retry[0]/ErrorEquals");
    assertProblems(one(task + "[{'ErrorEquals':['X'],'IntervalSeconds':0,'MaxAttempts':-1,'BackoffRate':0.5,"
            + "'MaxDelaySeconds':0,'JitterStrategy':'HALF','Foo':1}]}"),
        SCHEMA + "/States/A/Retry[0]/IntervalSeconds", SCHEMA + "/States/A/Retry[0]/MaxAttempts",
        SCHEMA + "/States/A/Retry[0]/BackoffRate", SCHEMA + "/States/A/Retry[0]/MaxDelaySeconds",
        SCHEMA + "/States/A/Retry[0]/JitterStrategy", SCHEMA + "/States/A/Retry[0]");
    assertProblems(one(task + "[{'IntervalSeconds':1}]}"), SCHEMA + "/States/A/Retry[0]");
    // The error handling page: MaxDelaySeconds "greater than 0 and less than 31622401".
    assertValid(one(task + "[{'ErrorEquals':['X'],'MaxDelaySeconds':31622400}]}"));
    assertProblems(one(task + "[{'ErrorEquals':['X'],'MaxDelaySeconds':31622401}]}"),
        SCHEMA + "/States/A/Retry[0]/MaxDelaySeconds");
    assertProblems(one(task + "{}}"), SCHEMA + "/States/A/Retry");
  }

  @Test
  void catchers() {
    String task = "{'Type':'Task'," + LAMBDA + ",'End':true,'Catch':";
    assertProblems(one(task + "[{'ErrorEquals':['States.ALL']}]}"), SCHEMA + "/States/A/Catch[0]");
    assertProblems(one(task + "[{'ErrorEquals':['States.ALL'],'Next':'Nope'}]}"), TARGET + "/States/A/Catch[0]/Next");
    assertProblems("{'StartAt':'A','States':{'A':" + task + "[{'ErrorEquals':['States.ALL'],'Next':'B',"
        + "'ResultPath':'$.e[0:1]','Output':{}}]},'B':" + PASS_END + "}}",
        PATH + "/States/A/Catch[0]/ResultPath", SCHEMA + "/States/A/Catch[0]/Output");
    assertProblems("{'QueryLanguage':'JSONata','StartAt':'A','States':{'A':" + task
        + "[{'ErrorEquals':['States.ALL'],'Next':'B','ResultPath':'$.e'}]},'B':" + PASS_END + "}}",
        SCHEMA + "/States/A/Catch[0]/ResultPath");
  }

  @Test
  void waitStates() {
    assertProblems(one("{'Type':'Wait','End':true}"), SCHEMA + "/States/A");
    assertProblems(one("{'Type':'Wait','Seconds':5,'SecondsPath':'$.s','End':true}"), SCHEMA + "/States/A/Seconds");
    assertProblems(one("{'Type':'Wait','Seconds':-1,'End':true}"), SCHEMA + "/States/A/Seconds");
    assertProblems(one("{'Type':'Wait','Timestamp':'tomorrow','End':true}"), SCHEMA + "/States/A/Timestamp");
    assertProblems(one("{'Type':'Wait','TimestampPath':'$..t','End':true}"), PATH + "/States/A/TimestampPath");
    assertProblems(oneJsonata("{'Type':'Wait','Seconds':'5','End':true}"), SCHEMA + "/States/A/Seconds");
  }

  @Test
  void failStates() {
    assertProblems(one("{'Type':'Fail','Error':'E','ErrorPath':'$.e','Cause':5}"),
        SCHEMA + "/States/A/Error", SCHEMA + "/States/A/Cause");
    assertProblems(one("{'Type':'Fail','InputPath':'$'}"), SCHEMA + "/States/A");
    assertProblems(one("{'Type':'Fail','CausePath':'$.c[*]'}"), PATH + "/States/A/CausePath");
  }

  @Test
  void choiceStates() {
    String tail = ",'X':" + PASS_END + "}}";
    assertProblems("{'StartAt':'C','States':{'C':{'Type':'Choice','Default':'X'}" + tail, SCHEMA + "/States/C");
    assertProblems("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[],'Default':'Nope'}" + tail,
        SCHEMA + "/States/C/Choices", TARGET + "/States/C/Default", UNREACHABLE + "/States/X");
    assertProblems("{'QueryLanguage':'JSONata','StartAt':'C','States':{'C':{'Type':'Choice','Choices':["
            + "{'Variable':'$.x','Next':'Nope'},{'Condition':'yes','Next':'X'},{'Condition':true}],"
            + "'Default':'X'}" + tail,
        SCHEMA + "/States/C/Choices[0]", SCHEMA + "/States/C/Choices[0]", TARGET + "/States/C/Choices[0]/Next",
        SCHEMA + "/States/C/Choices[1]/Condition", SCHEMA + "/States/C/Choices[2]");
    assertProblems("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[],'Default':'X','End':true}" + tail,
        SCHEMA + "/States/C", SCHEMA + "/States/C/Choices");
  }

  @Test
  void parallelStates() {
    assertProblems(one("{'Type':'Parallel','End':true}"), SCHEMA + "/States/A");
    assertProblems(one("{'Type':'Parallel','Branches':[],'End':true}"), SCHEMA + "/States/A/Branches");
    // a branch may not transition out of itself, nor carry top-level-only fields
    assertProblems("{'StartAt':'P','States':{'P':{'Type':'Parallel','Next':'After','Branches':["
            + "{'StartAt':'B1','Version':'1.0','States':{'B1':{'Type':'Pass','Next':'After'}}}]},"
            + "'After':" + PASS_END + "}}",
        SCHEMA + "/States/P/Branches[0]", TARGET + "/States/P/Branches[0]/States/B1/Next",
        NO_TERMINAL + "/States/P/Branches[0]");
    assertProblems(one("{'Type':'Parallel','End':true,'Branches':[{'StartAt':'B','States':{'B':"
            + "{'Type':'Wait','Seconds':1,'Next':'Gone'},'C':" + PASS_END + "}}]}"),
        TARGET + "/States/A/Branches[0]/States/B/Next", UNREACHABLE + "/States/A/Branches[0]/States/C");
  }

  @Test
  void mapStates() {
    assertProblems(one("{'Type':'Map','End':true}"), SCHEMA + "/States/A");
    assertProblems(one("{'Type':'Map','End':true,'ItemProcessor':" + PROCESSOR + ",'Iterator':" + PROCESSOR + "}"),
        SCHEMA + "/States/A/ItemProcessor");
    assertProblems(one("{'Type':'Map','End':true,'ItemProcessor':{'ProcessorConfig':{'Mode':'PARALLEL'},"
            + "'QueryLanguage':'JSONPath','StartAt':'I','States':{'I':" + PASS_END + "}}}"),
        SCHEMA + "/States/A/ItemProcessor/ProcessorConfig/Mode", SCHEMA + "/States/A/ItemProcessor");
    assertProblems(one("{'Type':'Map','End':true,'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED'},"
            + "'StartAt':'I','States':{'I':" + PASS_END + "}}}"),
        SCHEMA + "/States/A/ItemProcessor/ProcessorConfig");
    assertProblems(one("{'Type':'Map','End':true,'ItemProcessor':" + PROCESSOR + ",'MaxConcurrency':-1,"
            + "'ToleratedFailurePercentage':150,'ItemsPath':'$.a[*]','ItemSelector':{},'Parameters':{},"
            + "'ToleratedFailureCount':1,'ToleratedFailureCountPath':'$.c','Label':'" + "L".repeat(41) + "'}"),
        SCHEMA + "/States/A/MaxConcurrency", SCHEMA + "/States/A/ToleratedFailurePercentage",
        PATH + "/States/A/ItemsPath", SCHEMA + "/States/A/ItemSelector", SCHEMA + "/States/A/ToleratedFailureCount",
        SCHEMA + "/States/A/Label");
    assertProblems(one("{'Type':'Map','End':true,'ItemProcessor':" + PROCESSOR
            + ",'MaxConcurrencyPath':'$.limits[*]'}"),
        PATH + "/States/A/MaxConcurrencyPath");
    assertProblems(oneJsonata("{'Type':'Map','End':true,'ItemProcessor':" + PROCESSOR
            + ",'MaxConcurrencyPath':'$.m','Items':5}"),
        SCHEMA + "/States/A", SCHEMA + "/States/A/Items");
    assertProblems(one("{'Type':'Map','End':true,'ItemProcessor':" + PROCESSOR
            + ",'ItemReader':{'Parameters':{}},'ItemBatcher':{'MaxItemsPerBatch':-2},'ResultWriter':{'Foo':1}}"),
        SCHEMA + "/States/A/ItemReader", SCHEMA + "/States/A/ItemBatcher/MaxItemsPerBatch",
        SCHEMA + "/States/A/ResultWriter");
    // nested maps are located by their structured path
    assertProblems("{'StartAt':'Outer','States':{'Outer':{'Type':'Map','End':true,'ItemProcessor':{'StartAt':'Inner',"
            + "'States':{'Inner':{'Type':'Map','MaxConcurrency':-1,'End':true,'ItemProcessor':{'StartAt':'P',"
            + "'States':{'P':" + PASS_END + "}}}}}}}}",
        SCHEMA + "/States/Outer/ItemProcessor/States/Inner/MaxConcurrency");
  }
}
