package io.stepwise.eval.intrinsics;

import static io.stepwise.eval.intrinsics.Eval.assertInvalidArguments;
import static io.stepwise.eval.intrinsics.Eval.assertResult;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** States.Base64Encode, States.Base64Decode and States.Hash. */
class EncodingFunctionsTest {
  private static String input(String value) {
    return "{\"v\":" + Json.write(Json.text(value)) + "}";
  }

  @Test
  void base64Encode_encodesUtf8Text() {
    assertResult("\"SGVsbG8gV29ybGQ=\"", "States.Base64Encode($.v)", input("Hello World"));
    assertResult("\"aMOpbGxvIOKckw==\"", "States.Base64Encode($.v)", input("héllo ✓"));
  }

  @Test
  void base64Decode_decodesToText() {
    assertResult("\"Hello World\"", "States.Base64Decode($.v)", input("SGVsbG8gV29ybGQ="));
    assertResult("\"héllo ✓\"", "States.Base64Decode('aMOpbGxvIOKckw==')", "{}");
  }

  @Test
  void base64Decode_ofEmptyTextIsEmpty() {
    assertResult("\"\"", "States.Base64Decode($.FunctionInput)", "{\"FunctionInput\":\"\"}");
  }

  @Test
  void base64Decode_rejectsTextThatIsNotBase64() {
    assertInvalidArguments("States.Base64Decode", "States.Base64Decode($.v)", input("not base64!"));
  }

  @Test
  void base64_acceptsTenThousandCharactersButNotMore() {
    assertEquals(13336, Eval.eval("States.Base64Encode($.v)", input("a".repeat(10_000))).textValue().length());
    assertInvalidArguments("States.Base64Encode", "States.Base64Encode($.v)", input("a".repeat(10_001)));
    assertInvalidArguments("States.Base64Decode", "States.Base64Decode($.v)", input("A".repeat(10_004)));
  }

  @Test
  void base64_rejectsNonStrings() {
    assertInvalidArguments("States.Base64Encode", "States.Base64Encode($.v)", "{\"v\":1}");
    assertInvalidArguments("States.Base64Decode", "States.Base64Decode($.v)", "{\"v\":null}");
  }

  @ParameterizedTest
  @CsvSource({
      "MD5, 812f45842bc6d66ee14572ce20db8e86",
      "SHA-1, aaff4a450a104cd177d28d18d74485e8cae074b7",
      "SHA-256, b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3",
      "SHA-384, d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562",
      "SHA-512, 6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4",
  })
  void hash_givesTheLowercaseHexDigest(String algorithm, String digest) {
    assertResult("\"" + digest + "\"", "States.Hash($.FunctionInput.fst, $.FunctionInput.snd)",
        "{\"FunctionInput\":{\"fst\":\"input data\",\"snd\":\"" + algorithm + "\"}}");
  }

  @Test
  void hash_takesALiteralAlgorithm() {
    assertResult("\"1cac63f39fd68d8c531f27b807610fb3d50f0fc3f186995767fb6316e7200a3e\"",
        "States.Hash($.inputString, 'SHA-256')", "{\"inputString\":\"Hash this string\"}");
  }

  @Test
  void hash_rejectsAnAlgorithmNotSpelledAsAwsSpellsIt() {
    assertInvalidArguments("States.Hash", "States.Hash($.v, $.a)", "{\"v\":\"x\",\"a\":\"sha-256\"}");
    assertInvalidArguments("States.Hash", "States.Hash($.v, $.a)", "{\"v\":\"x\",\"a\":\"SHA256\"}");
  }

  @Test
  void hash_rejectsNonStringDataAndOverlongData() {
    assertInvalidArguments("States.Hash", "States.Hash($.v, 'MD5')", "{\"v\":{\"a\":1}}");
    assertInvalidArguments("States.Hash", "States.Hash($.v, 'MD5')", input("a".repeat(10_001)));
  }
}
