package io.stepwise.asl.choice;

import static io.stepwise.asl.choice.Fixtures.AT;
import static io.stepwise.asl.choice.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.asl.Diagnostic;
import io.stepwise.asl.Diagnostics;
import io.stepwise.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChoiceRulesParseTest {
  private final Diagnostics problems = new Diagnostics();

  private ChoiceRule topLevel(String singleQuoted) {
    return ChoiceRules.parse(json(singleQuoted), AT, true, problems);
  }

  private List<String> locations() {
    return problems.all().stream().map(Diagnostic::location).toList();
  }

  @Test
  void validTopLevelRule_yieldsComparisonWithoutProblems() {
    // when
    ChoiceRule rule = topLevel("{'Variable':'$.n','NumericEquals':1,'Next':'A','Assign':{'x':1},'Output':{},'Comment':'c'}");
    // then
    assertEquals(List.of(), problems.all());
    ChoiceRule.Comparison comparison = assertInstanceOf(ChoiceRule.Comparison.class, rule);
    assertEquals(Operator.NUMERIC_EQUALS, comparison.operator());
    assertEquals(new Operand.Literal(json("1")), comparison.operand());
    assertEquals(ChoicePath.Root.INPUT, comparison.variable().root());
  }

  @Test
  void pathOperator_yieldsPathOperand() {
    // when
    ChoiceRule rule = topLevel("{'Variable':'$.n','NumericLessThanPath':'$limits.max','Next':'A'}");
    // then
    ChoiceRule.Comparison comparison = assertInstanceOf(ChoiceRule.Comparison.class, rule);
    assertEquals(Operator.NUMERIC_LESS_THAN, comparison.operator());
    Operand.Path operand = assertInstanceOf(Operand.Path.class, comparison.operand());
    assertEquals("limits", operand.path().variable());
  }

  @Test
  void booleanCombinators_yieldNestedRecords() {
    // when
    ChoiceRule rule = topLevel("{'And':[{'Not':{'Variable':'$.a','IsNull':true}},"
        + "{'Or':[{'Variable':'$.b','StringEquals':'x'},{'Variable':'$.b','StringEquals':'y'}]}],'Next':'A'}");
    // then
    ChoiceRule.And and = assertInstanceOf(ChoiceRule.And.class, rule);
    assertInstanceOf(ChoiceRule.Not.class, and.rules().get(0));
    assertEquals(2, assertInstanceOf(ChoiceRule.Or.class, and.rules().get(1)).rules().size());
  }

  @ParameterizedTest
  @EnumSource(Operator.class)
  void everyOperator_parsesWithAValidLiteral(Operator operator) {
    // given
    String literal = switch (operator.kind()) {
      case STRING, GLOB -> "'a*'";
      case NUMERIC -> "1.5";
      case BOOLEAN, TYPE_TEST -> "true";
      case TIMESTAMP -> "'2016-08-18T17:33:00Z'";
    };
    // when
    ChoiceRule rule = topLevel("{'Variable':'$.v','" + operator.field() + "':" + literal + ",'Next':'A'}");
    // then
    assertEquals(operator, assertInstanceOf(ChoiceRule.Comparison.class, rule).operator());
  }

  @ParameterizedTest
  @EnumSource(Operator.class)
  void pathForm_existsExactlyForValueComparisons(Operator operator) {
    // when
    ChoiceRule rule = topLevel("{'Variable':'$.v','" + operator.field() + "Path':'$.w','Next':'A'}");
    // then
    if (operator.hasPathForm()) {
      assertEquals(List.of(), problems.all());
      assertEquals(operator, assertInstanceOf(ChoiceRule.Comparison.class, rule).operator());
    } else {
      assertNull(rule);
      assertTrue(locations().contains(AT + "/" + operator.field() + "Path"), locations().toString());
    }
  }

  @Test
  void numericEquals_withString_isReportedAtTheOperator() {
    // when
    ChoiceRule rule = topLevel("{'Variable':'$.n','NumericEquals':'1','Next':'A'}");
    // then
    assertNull(rule);
    assertEquals(List.of("/States/Check/Choices[0]/NumericEquals"), locations());
    assertEquals(Diagnostics.SCHEMA, problems.all().get(0).code());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "'StringEquals':1", "'StringMatches':true", "'BooleanEquals':'true'", "'IsNull':1",
      "'IsPresent':'yes'", "'TimestampEquals':'2016-08-18'", "'TimestampLessThan':5", "'NumericGreaterThan':null"})
  void operand_ofTheWrongType_isReported(String operator) {
    // when
    ChoiceRule rule = topLevel("{'Variable':'$.v'," + operator + ",'Next':'A'}");
    // then
    assertNull(rule);
    String field = operator.substring(1, operator.indexOf('\'', 1));
    assertEquals(List.of(AT + "/" + field), locations());
  }

  @Test
  void comparison_withoutVariable_isReportedAtTheRule() {
    topLevel("{'NumericEquals':1,'Next':'A'}");
    assertEquals(List.of(AT), locations());
  }

  @Test
  void rule_withTwoOperators_isReported() {
    topLevel("{'Variable':'$.n','NumericEquals':1,'NumericLessThan':2,'Next':'A'}");
    assertEquals(List.of(AT), locations());
    assertTrue(problems.all().get(0).message().contains("NumericEquals, NumericLessThan"));
  }

  @Test
  void rule_withCombinatorAndOperator_isReported() {
    topLevel("{'Not':{'Variable':'$.a','IsNull':true},'Variable':'$.n','NumericEquals':1,'Next':'A'}");
    assertEquals(List.of(AT), locations());
  }

  @Test
  void rule_withoutExpression_isReported() {
    topLevel("{'Variable':'$.n','Next':'A'}");
    assertEquals(List.of(AT), locations());
  }

  @Test
  void combinator_withVariable_isReportedAtVariable() {
    topLevel("{'Not':{'Variable':'$.a','IsNull':true},'Variable':'$.n','Next':'A'}");
    assertEquals(List.of(AT + "/Variable"), locations());
  }

  /** AWS's Paths page gives {@code $.jar[?(@.a >= 5)]} as a Reference Path. */
  @Test
  void variable_withAPlainFilter_parses() {
    assertNotNull(topLevel("{'Variable':'$.a[?(@.b >= 5)]','IsPresent':true,'Next':'A'}"));
    assertEquals(List.of(), locations());
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "$.", "$.a[", "$..a", "$.a[*]", "$.a[?(@.b in [1])]", "$[0:2]", "$.f()"})
  void variable_thatIsNotAReferencePath_isReportedAsInvalidPath(String path) {
    // when
    ChoiceRule rule = topLevel("{'Variable':'" + path + "','IsNull':true,'Next':'A'}");
    // then
    assertNull(rule);
    assertEquals(List.of(AT + "/Variable"), locations());
    assertEquals(Diagnostics.INVALID_JSONPATH, problems.all().get(0).code());
  }

  @Test
  void variable_thatIsNotAString_isReported() {
    topLevel("{'Variable':1,'IsNull':true,'Next':'A'}");
    assertEquals(List.of(AT + "/Variable"), locations());
  }

  @Test
  void pathOperand_thatIsMalformed_isReportedAtTheOperator() {
    topLevel("{'Variable':'$.a','StringEqualsPath':'b','Next':'A'}");
    assertEquals(List.of(AT + "/StringEqualsPath"), locations());
  }

  @ParameterizedTest
  @ValueSource(strings = {"$", "$.a.b[0]", "$[\"a b\"]", "$$", "$$.Execution.Id", "$x", "$_x1.a[2]", "$obj[\"k\"]"})
  void referencePaths_ofEveryRoot_areAccepted(String path) {
    // given
    ObjectNode rule = Json.object().put("Variable", path).put("IsNull", true).put("Next", "A");
    // when
    ChoiceRules.parse(rule, AT, true, problems);
    // then
    assertEquals(List.of(), problems.all());
  }

  @Test
  void unknownField_isReportedAtTheField() {
    topLevel("{'Variable':'$.a','IsNull':true,'Next':'A','Nxt':'B','a/b':1}");
    assertEquals(List.of(AT + "/Nxt", AT + "/a~1b"), locations());
  }

  @Test
  void condition_isReportedAsJsonataOnly() {
    topLevel("{'Condition':'{% true %}','Variable':'$.a','IsNull':true,'Next':'A'}");
    assertEquals(List.of(AT + "/Condition"), locations());
  }

  @Test
  void topLevelRule_withoutNext_isReported() {
    topLevel("{'Variable':'$.a','IsNull':true}");
    assertEquals(List.of(AT), locations());
  }

  @Test
  void nestedRule_withNext_isReported() {
    topLevel("{'And':[{'Variable':'$.a','IsNull':true,'Next':'B'}],'Next':'A'}");
    assertEquals(List.of(AT + "/And[0]/Next"), locations());
  }

  @Test
  void nestedRule_parsedDirectly_mustNotHaveAssign() {
    ChoiceRule rule = ChoiceRules.parse(json("{'Variable':'$.a','IsNull':true,'Assign':{}}"), AT, false, problems);
    assertNull(rule);
    assertEquals(List.of(AT + "/Assign"), locations());
  }

  @Test
  void nestedRule_mayHaveComment() {
    topLevel("{'Not':{'Variable':'$.a','IsNull':true,'Comment':'why'},'Next':'A'}");
    assertEquals(List.of(), problems.all());
  }

  @ParameterizedTest
  @ValueSource(strings = {"'And':[]", "'Or':{}", "'And':'x'"})
  void combinator_withoutAListOfRules_isReported(String combinator) {
    topLevel("{" + combinator + ",'Next':'A'}");
    String field = combinator.substring(1, combinator.indexOf('\'', 1));
    assertEquals(List.of(AT + "/" + field), locations());
  }

  @Test
  void not_withANonObject_isReportedAtNot() {
    topLevel("{'Not':[{'Variable':'$.a','IsNull':true}],'Next':'A'}");
    assertEquals(List.of(AT + "/Not"), locations());
  }

  @Test
  void everyProblemInNestedRules_isReportedWithItsFullPointer() {
    // when
    ChoiceRule rule = topLevel("{'Or':[{'Variable':'$.a','NumericEquals':'x'},"
        + "{'Not':{'Variable':'$.b','BooleanEquals':1}},{'Variable':'$.c','IsNull':true}]}");
    // then
    assertNull(rule);
    assertEquals(List.of(AT, AT + "/Or[0]/NumericEquals", AT + "/Or[1]/Not/BooleanEquals"), locations());
  }

  @Test
  void nonObjectRule_isReported() {
    assertNull(topLevel("'rule'"));
    assertEquals(List.of(AT), locations());
  }

  @Test
  void parse_ignoresProblemsReportedEarlier() {
    // given
    problems.schema("/States/Other", "unrelated");
    // when
    ChoiceRule rule = topLevel("{'Variable':'$.a','IsNull':true,'Next':'A'}");
    // then
    assertInstanceOf(ChoiceRule.Comparison.class, rule);
  }
}
