package io.stepwise.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Reading Invoke's FunctionName and Qualifier as Lambda does: pure. */
class FunctionRefTest {
  @Test
  void givenEachNameForm_whenParsed_thenNameQualifierRegionAndAccount() {
    assertEquals(new FunctionRef("f", null, null, null), FunctionRef.parse("f", null));
    assertEquals(new FunctionRef("f", "live", null, null), FunctionRef.parse("f:live", null));
    assertEquals(new FunctionRef("f", "$LATEST", null, "123456789012"), FunctionRef.parse("123456789012:function:f:$LATEST", null));
    assertEquals(new FunctionRef("f", "7", "eu-west-2", "123456789012"),
        FunctionRef.parse("arn:aws:lambda:eu-west-2:123456789012:function:f:7", null));
    assertEquals(new FunctionRef("f", "live", "us-gov-west-1", "123456789012"),
        FunctionRef.parse("arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f", "live"));
  }

  @Test
  void givenSameQualifierTwice_whenParsed_thenAccepted() {
    assertEquals("live", FunctionRef.parse("f:live", "live").qualifier());
  }

  @Test
  void givenDifferentQualifiers_whenParsed_thenInvalidParameterValue() {
    LambdaApiException e = assertThrows(LambdaApiException.class, () -> FunctionRef.parse("f:live", "prod"));

    assertEquals("InvalidParameterValueException", e.errorType());
    assertEquals(400, e.status());
  }

  @Test
  void givenMalformedName_whenParsed_thenValidationException() {
    assertEquals("ValidationException", assertThrows(LambdaApiException.class, () -> FunctionRef.parse("a b", null)).errorType());
  }

  @Test
  void givenRef_whenInvokedArnAsked_thenCallersRegionAndAccountFillTheGaps() {
    assertEquals("arn:aws:lambda:us-east-1:000000000000:function:f:live",
        FunctionRef.parse("f:live", null).invokedArn("us-east-1", "000000000000"));
    assertEquals("arn:aws:lambda:eu-west-2:123456789012:function:f",
        FunctionRef.parse("arn:aws:lambda:eu-west-2:123456789012:function:f", null).invokedArn("us-east-1", "000000000000"));
  }

  @Test
  void givenEncodedPathAndQuery_whenDecoded_thenArnAndQualifierComeBack() {
    assertEquals("arn:aws:lambda:us-east-1:1:function:f", HttpRequests.percentDecode("arn%3Aaws%3Alambda%3Aus-east-1%3A1%3Afunction%3Af"));
    assertEquals("$LATEST", HttpRequests.queryParameter("x=1&Qualifier=%24LATEST", "Qualifier"));
    assertEquals(null, HttpRequests.queryParameter("x=1", "Qualifier"));
  }
}
