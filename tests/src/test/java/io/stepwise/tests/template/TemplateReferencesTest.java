package io.stepwise.tests.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.tests.template.References.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** (1) Every Ref, GetAtt and Sub variable in template.yml names something that will exist. */
class TemplateReferencesTest {
  private final Template template = Template.load();

  @Test
  void givenTemplate_whenEveryReferenceIsResolved_thenNoneIsUnknown() {
    assertEquals(List.of(), References.unresolved(template));
  }

  @Test
  void givenTemplate_whenReferencesCollected_thenShortLongAndSubFormsAreAllSeen() {
    List<Reference> references = References.of(template);

    assertTrue(references.contains(new Reference("Ref", "StartFunction.Alias", "/Outputs/StartFunctionArn/Value")));
    assertTrue(references.contains(new Reference("GetAtt", "ApiFunctionUrl", "/Outputs/ApiUrl/Value")));
    assertTrue(references.contains(new Reference("Sub GetAtt", "RandomErrorStateMachine",
        "/Resources/ScheduleRule/Properties/Targets/0/Input")));
    assertTrue(references.contains(new Reference("Ref", "StepTimeout",
        "/Resources/StepQueue/Properties/VisibilityTimeout/Fn::FindInMap/1")));
    assertTrue(references.size() > 30, "only " + references.size() + " references found");
  }

  @Test
  void givenBrokenReferences_whenChecked_thenEachIsReportedWithItsPlace() {
    Template broken = Template.parse("""
        Parameters:
          Size: {Type: Number}
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              AutoPublishAlias: live
              MemorySize: !Ref Size
              Description: !Sub "${Gone}-${AWS::Region}-${!Literal}-${Fn.Arn}"
              Tags:
                a: !Ref Missing
                b: !GetAtt Nope.Arn
                c: {"Fn::GetAtt": "Other.Arn"}
                d: {"Fn::Sub": ["${Local}-${FnRole.Arn}", {Local: {Ref: AlsoMissing}}]}
                e: !If [Cond, !Ref Fn.Alias, !Ref FnAliaslive]
                f: !Ref Fn.Version
        """);

    assertEquals(List.of("Sub Ref Gone at /Resources/Fn/Properties/Description",
        "Ref Missing at /Resources/Fn/Properties/Tags/a",
        "GetAtt Nope at /Resources/Fn/Properties/Tags/b",
        "GetAtt Other at /Resources/Fn/Properties/Tags/c",
        "Ref AlsoMissing at /Resources/Fn/Properties/Tags/d/Local"), References.unresolved(broken));
  }
}
