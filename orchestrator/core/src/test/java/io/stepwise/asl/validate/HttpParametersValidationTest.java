package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.ValidatorAssertions.SCHEMA;
import static io.stepwise.asl.validate.ValidatorAssertions.assertProblems;
import static io.stepwise.asl.validate.ValidatorAssertions.assertValid;
import static io.stepwise.asl.validate.ValidatorAssertions.one;
import static io.stepwise.asl.validate.ValidatorAssertions.oneJsonata;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.json.Json;
import org.junit.jupiter.api.Test;

/** The HTTP integrations' required parameters, as Step Functions' validator asks for them. */
class HttpParametersValidationTest {
  private static final String HTTP = "'Type':'Task','Resource':'arn:aws:states:::http:invoke','End':true";
  private static final String API = "'Type':'Task','Resource':'arn:aws:states:::apigateway:invoke','End':true";

  @Test
  void httpInvoke_requiresApiEndpointMethodAndAConnectionArn() {
    assertProblems(one("{" + HTTP + ",'Parameters':{'Method':'GET'}}"),
        SCHEMA + "/States/A/Parameters", SCHEMA + "/States/A/Parameters");
    var problems = DefinitionValidator.validate(Json.parse(one("{" + HTTP + ",'Parameters':{'Method':'GET',"
        + "'ApiEndpoint':'https://example.com'}}").replace('\'', '"')));
    assertEquals("The field 'ConnectionArn' is required but was missing", problems.get(0).message());
    assertProblems(one("{" + HTTP + "}"), SCHEMA + "/States/A", SCHEMA + "/States/A", SCHEMA + "/States/A");
  }

  @Test
  void httpInvoke_acceptsPathsAndEitherConnectionField() {
    assertValid(one("{" + HTTP + ",'Parameters':{'ApiEndpoint.$':'$.url','Method':'GET',"
        + "'Authentication':{'ConnectionArn':'arn:aws:events:us-east-1:123456789012:connection/c/1'}}}"));
    assertValid(one("{" + HTTP + ",'Parameters':{'ApiEndpoint':'https://example.com','Method.$':'$.m',"
        + "'InvocationConfig':{'ConnectionArn.$':'$.c'}}}"));
    assertValid(one("{" + HTTP + ",'Parameters':{'ApiEndpoint':'https://example.com','Method':'GET',"
        + "'Authentication.$':'$.auth'}}"));
  }

  @Test
  void apiGatewayInvoke_requiresApiEndpointAndMethod_inParametersOrArguments() {
    assertProblems(one("{" + API + ",'Parameters':{'Method':'GET'}}"), SCHEMA + "/States/A/Parameters");
    assertProblems(oneJsonata("{" + API + ",'Arguments':{'ApiEndpoint':'x.execute-api.us-east-1.amazonaws.com'}}"),
        SCHEMA + "/States/A/Arguments");
    assertValid(oneJsonata("{" + API + ",'Arguments':'{% $states.input.request %}'}"));
  }
}
