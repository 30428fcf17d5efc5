package io.stepwise.engine;

import static io.stepwise.engine.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.driver.ExecutionResult;
import io.stepwise.driver.TaskInvoker;
import org.junit.jupiter.api.Test;

/**
 * A Choice rule's and a Catch clause's own fields are named under their index in a
 * States.QueryEvaluationError cause, as AWS names them: {@code Choices[1]/Condition},
 * {@code Choices[1]/Output/v}, {@code Choices[0]/Assign/x}, {@code Catch[1]/Output/v} (measured on
 * AWS by floci-io/floci, https://github.com/floci-io/floci/issues/2665 and
 * https://github.com/floci-io/floci/pull/2689).
 */
class JsonataFieldNamesTest {
  private static final String MISSING = "'{% $states.input.missing %}'";

  @Test
  void aChoiceRulesCondition_isNamedUnderItsIndex() {
    assertField("C", "Choices[1]/Condition", choice("{'Condition':'{% false %}','Next':'D'},{'Condition':" + MISSING + ",'Next':'D'}"));
  }

  @Test
  void aMatchedRulesOutputAndAssign_areNamedUnderItsIndex() {
    assertField("C", "Choices[1]/Output/v",
        choice("{'Condition':'{% false %}','Next':'D'},{'Condition':'{% true %}','Output':{'v':" + MISSING + "},'Next':'D'}"));
    assertField("C", "Choices[0]/Assign/x", choice("{'Condition':'{% true %}','Assign':{'x':" + MISSING + "},'Next':'D'}"));
  }

  @Test
  void aMatchingCatchersOutput_isNamedUnderItsPositionInCatch() {
    // the Task fails on its own Arguments, and the second catcher catches that
    assertField("F", "Catch[1]/Output/v", "{'QueryLanguage':'JSONata','StartAt':'F','States':{'F':{'Type':'Task',"
        + "'Resource':'arn:aws:states:::sqs:sendMessage','Arguments':{'QueueUrl':'q','MessageBody':'m','MessageGroupId':"
        + MISSING + "},'Catch':[{'ErrorEquals':['States.Timeout'],'Next':'D'},{'ErrorEquals':['States.QueryEvaluationError'],"
        + "'Output':{'v':" + MISSING + "},'Next':'D'}],'End':true},'D':{'Type':'Pass','End':true}}}");
  }

  private static String choice(String rules) {
    return "{'QueryLanguage':'JSONata','StartAt':'C','States':{'C':{'Type':'Choice','Choices':[" + rules + "],"
        + "'Default':'D'},'D':{'Type':'Pass','End':true}}}";
  }

  private static void assertField(String state, String field, String definition) {
    ExecutionResult result = run(definition.replace('\'', '"'), "{}", TaskInvoker.NONE);
    assertEquals(ExecutionStatus.FAILED, result.status());
    assertEquals("States.QueryEvaluationError", result.error());
    assertEquals("An error occurred while executing the state '" + state + "' (entered at the event id #2). The JSONata "
        + "expression '$states.input.missing' specified for the field '" + field + "' returned nothing (undefined).",
        result.cause());
  }
}
