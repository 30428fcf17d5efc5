package io.stepwise.asl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CreateStateMachine and ValidateStateMachineDefinition parse every JSONata expression of a
 * definition: what does not parse is INVALID_JSONATA_EXPRESSION with the parser's message, what
 * reads the absent context item is UNSUPPORTED_JSONATA_EXPRESSION, each at the field that holds it.
 * Every answer here is AWS's (us-east-1), as floci-io/floci recorded them:
 * https://github.com/floci-io/floci/issues/2670, https://github.com/floci-io/floci/pull/2699,
 * https://github.com/floci-io/floci/issues/2745, https://github.com/floci-io/floci/pull/2777.
 */
class JsonataDefinitionChecksTest {
  private static final String PROCESSOR = "{'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}";
  private static final String LAMBDA = "'Resource':'arn:aws:states:::lambda:invoke','Arguments':{'FunctionName':'f'}";
  private static final String TOP_LEVEL = "UNSUPPORTED_JSONATA_EXPRESSION: Reference to 'phone' at the top level is not supported. at ";

  /** Each diagnostic as CreateStateMachine words it in its InvalidDefinition message: code: message at location. */
  private static List<String> problems(String definition) {
    return DefinitionValidator.validate(Json.parse(definition.replace('\'', '"'))).stream()
        .map(d -> d.code() + ": " + d.message() + " at " + d.location()).toList();
  }

  private static String pass(String output) {
    return "{'QueryLanguage':'JSONata','StartAt':'E','States':{'E':{'Type':'Pass','Output':" + output + ",'End':true}}}";
  }

  @Test
  void aBareNameInOutput_isRefusedAtTheFieldThatHoldsIt() {
    assertEquals(List.of(TOP_LEVEL + "/States/E/Output/v"), problems(pass("{'v':'{% phone[0] %}'}")));
    assertEquals(List.of(TOP_LEVEL + "/States/E/Output/a/b[0]"), problems(pass("{'a':{'b':['{% phone %}']}}")));
    assertEquals(List.of(), problems(pass("{'v':'{% $states.input.phone[0] %}'}")));
  }

  @Test
  void everyDistinctName_isItsOwnDiagnostic() {
    assertEquals(List.of(
        "UNSUPPORTED_JSONATA_EXPRESSION: Reference to 'aaa' at the top level is not supported. at /States/E/Output/v",
        "UNSUPPORTED_JSONATA_EXPRESSION: Reference to 'bbb' at the top level is not supported. at /States/E/Output/v"),
        problems(pass("{'v':'{% aaa + bbb %}'}")));
  }

  @Test
  void theContextItemAndTheRoot_areRefusedInAwsWords() {
    assertEquals(List.of("UNSUPPORTED_JSONATA_EXPRESSION: Reference to '$' at the top level is not supported. at /States/E/Output/v"),
        problems(pass("{'v':'{% $.phone %}'}")));
    assertEquals(List.of("UNSUPPORTED_JSONATA_EXPRESSION: Reference to '$$' is not supported. at /States/E/Output"),
        problems(pass("'{% $$ %}'")));
  }

  @Test
  void anEarlierAssign_doesNotBindTheBareName() {
    String machine = "{'QueryLanguage':'JSONata','StartAt':'A','States':{"
        + "'A':{'Type':'Pass','Assign':{'phone':'{% 1 %}'},'Next':'E'},"
        + "'E':{'Type':'Pass','Output':{'v':'{% %s %}'},'End':true}}}";
    assertEquals(List.of(TOP_LEVEL + "/States/E/Output/v"), problems(machine.replace("%s", "phone")));
    assertEquals(List.of(), problems(machine.replace("%s", "$phone")));
  }

  /** The location, then the states of a JSONata machine starting at the first of them. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "/States/E/Assign/v|'E':{'Type':'Pass','Assign':{'v':'{% phone %}'},'End':true}",
      "/States/C/Choices[0]/Condition|'C':{'Type':'Choice','Choices':[{'Condition':'{% phone = 1 %}','Next':'E'}],"
          + "'Default':'E'},'E':{'Type':'Pass','End':true}",
      "/States/E/Seconds|'E':{'Type':'Wait','Seconds':'{% phone %}','End':true}",
      "/States/E/Cause|'E':{'Type':'Fail','Cause':'{% phone %}'}",
      "/States/M/Items|'M':{'Type':'Map','Items':'{% phone %}','ItemProcessor':" + PROCESSOR + ",'End':true}",
      "/States/M/ItemSelector/Next|'M':{'Type':'Map','ItemSelector':{'Next':'{% phone %}'},'ItemProcessor':"
          + PROCESSOR + ",'End':true}",
      "/States/M/ItemProcessor/States/I/Output/v|'M':{'Type':'Map','Items':'{% $states.input.a %}','ItemProcessor':"
          + "{'StartAt':'I','States':{'I':{'Type':'Pass','Output':{'v':'{% phone %}'},'End':true}}},'End':true}",
      "/States/P/Branches[0]/States/B/Output/v|'P':{'Type':'Parallel','Branches':[{'StartAt':'B','States':"
          + "{'B':{'Type':'Pass','Output':{'v':'{% phone %}'},'End':true}}}],'End':true}",
      "/States/E/Catch[0]/Output/v|'E':{'Type':'Task'," + LAMBDA + ",'Catch':[{'ErrorEquals':['States.ALL'],"
          + "'Output':{'v':'{% phone %}'},'Next':'F'}],'End':true},'F':{'Type':'Pass','End':true}",
      "/States/E/Catch[0]/Assign/Retry|'E':{'Type':'Task'," + LAMBDA + ",'Catch':[{'ErrorEquals':['States.ALL'],"
          + "'Assign':{'Retry':'{% phone %}'},'Next':'F'}],'End':true},'F':{'Type':'Pass','End':true}"})
  void everyJsonataField_isParsed_atItsOwnLocation(String location, String states) {
    String first = states.substring(1, states.indexOf('\'', 1));
    assertEquals(List.of(TOP_LEVEL + location),
        problems("{'QueryLanguage':'JSONata','StartAt':'" + first + "','States':{" + states + "}}"));
  }

  @Test
  void textFieldsAndJsonPathMachines_keepTheirBracesAsText() {
    assertEquals(List.of(), problems("{'StartAt':'E','States':{'E':{'Type':'Pass','Parameters':{'v':'{% phone %}'},'End':true}}}"));
    assertEquals(List.of(), problems("{'QueryLanguage':'JSONata','StartAt':'E','States':"
        + "{'E':{'Type':'Pass','Comment':'{% phone %}','End':true}}}"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "phone[1,2)|Expected \"]\", got \",\"",
      "1 +|Unexpected end of expression",
      "{\"a\":}|The symbol \"}\" cannot be used as a unary operator",
      "$x :=|Unexpected end of expression",
      "$match(\"a\", /abc|No terminating / in regular expression",
      "phone %.other|The symbol \".\" cannot be used as a unary operator",
      "\"unterminated|String literal must be terminated by a matching quote",
      "``|Unexpected end of expression"})
  void anExpressionThatDoesNotParse_isRefusedWithTheParsersMessage(String body, String message) {
    String machine = Json.object().put("QueryLanguage", "JSONata").put("StartAt", "Main")
        .set("States", Json.object().set("Main", Json.object().put("Type", "Pass")
            .put("Output", "{% " + body + " %}").put("End", true))).toString();
    assertEquals(List.of("INVALID_JSONATA_EXPRESSION: " + message + " at /States/Main/Output"),
        DefinitionValidator.validateText(machine).stream()
            .map(d -> d.code() + ": " + d.message() + " at " + d.location()).toList());
  }

  @Test
  void statesErrorOutput_existsOnlyInACatcher() {
    assertEquals(List.of("UNSUPPORTED_JSONATA_EXPRESSION: Field '$states.errorOutput' does not exist. at /States/E/Output"),
        problems(pass("'{% $states.errorOutput %}'")));
  }
}
