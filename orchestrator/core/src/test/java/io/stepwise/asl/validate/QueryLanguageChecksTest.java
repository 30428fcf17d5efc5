package io.stepwise.asl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.json.Json;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * QueryLanguage as ValidateStateMachineDefinition answers it on AWS, measured by floci-io/floci
 * (https://github.com/floci-io/floci/issues/2968, StepFunctionsValidateStateMachineDefinitionIntegrationTest
 * there): only the exact "JSONPath" is JSONPath, any other present value is JSONata and, outside the
 * enum, reported at the field; a field of the other language is reported at the state; a state that
 * declares JSONPath under a JSONata machine gets that refusal alone.
 */
class QueryLanguageChecksTest {
  private static final String ENUM = "SCHEMA_VALIDATION_FAILED: Value should be one of the following: [JSONPath, JSONata]";
  private static final String INPUT_PATH =
      "SCHEMA_VALIDATION_FAILED: The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for "
          + "the 'JSONPath' QueryLanguage at /States/X";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{'StartAt':'X','States':{'X':{'Type':'Pass','QueryLanguage':'jsonata','Output':{'v':'{% 1 %}'},'InputPath':'$.a','End':true}}}"
          + "|" + INPUT_PATH + "|" + ENUM + " at /States/X/QueryLanguage",
      "{'QueryLanguage':'JSONata','StartAt':'X','States':{'X':{'Type':'Pass','QueryLanguage':'jsonata','Output':{'v':'{% 1 %}'},'End':true}}}"
          + "|" + ENUM + " at /States/X/QueryLanguage|",
      "{'QueryLanguage':'jsonata','StartAt':'X','States':{'X':{'Type':'Pass','Output':{'v':'{% 1 %}'},'End':true}}}"
          + "|" + ENUM + " at /QueryLanguage|",
      "{'QueryLanguage':5,'StartAt':'X','States':{'X':{'Type':'Pass','End':true}}}"
          + "|SCHEMA_VALIDATION_FAILED: Expected value of type [STRING] at /QueryLanguage|",
      "{'StartAt':'X','States':{'X':{'Type':'Pass','QueryLanguage':'foo','InputPath':'$.a','End':true}}}"
          + "|" + INPUT_PATH + "|" + ENUM + " at /States/X/QueryLanguage",
      "{'StartAt':'X','States':{'X':{'Type':'Pass','QueryLanguage':5,'InputPath':'$.a','End':true}}}"
          + "|" + INPUT_PATH + "|SCHEMA_VALIDATION_FAILED: Expected value of type [STRING] at /States/X/QueryLanguage",
      "{'QueryLanguage':'JSONata','StartAt':'X','States':{'X':{'Type':'Pass','QueryLanguage':'jsonpath','End':true}}}"
          + "|" + ENUM + " at /States/X/QueryLanguage|",
      "{'QueryLanguage':'jsonpath','StartAt':'X','States':{'X':{'Type':'Pass','InputPath':'$.a','End':true}}}"
          + "|" + ENUM + " at /QueryLanguage|" + INPUT_PATH,
      "{'QueryLanguage':'JSONata','StartAt':'X','States':{'X':{'Type':'Pass','QueryLanguage':'JSONPath','Output':{'v':'{% 1 %}'},'End':true}}}"
          + "|SCHEMA_VALIDATION_FAILED: 'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine at /States/X|",
      "{'QueryLanguage':'JSONata','StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrencyPath':'$.limit','ItemProcessor':"
          + "{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}}}"
          + "|SCHEMA_VALIDATION_FAILED: The QueryLanguage is set to 'JSONata', but field 'MaxConcurrencyPath' is only "
          + "supported for the 'JSONPath' QueryLanguage at /States/M|"})
  void awsAnswers(String definition, String first, String second) {
    List<String> expected = second == null ? List.of(first) : List.of(first, second);
    List<String> actual = DefinitionValidator.validate(Json.parse(definition.replace('\'', '"'))).stream()
        .map(d -> d.code() + ": " + d.message() + " at " + d.location()).toList();
    assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList());
  }
}
