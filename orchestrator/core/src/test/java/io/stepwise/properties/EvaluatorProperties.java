package io.stepwise.properties;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.JsonPath;
import io.stepwise.eval.Scope;
import io.stepwise.eval.Sources;
import java.time.Instant;
import io.stepwise.eval.StatesError;
import io.stepwise.eval.intrinsics.IntrinsicCall;
import io.stepwise.eval.intrinsics.Intrinsics;
import io.stepwise.json.Json;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random paths, intrinsic calls and inputs never make the evaluators throw anything but their
 * documented errors: a malformed path or call is an IllegalArgumentException when it is parsed
 * (the validator's diagnostic), and evaluating one is a value or a {@link StatesError}.
 */
class EvaluatorProperties {
  private static final List<String> PATH_TOKENS = List.of("$", "$", "$$", ".", "..", "a", "b", "arr", "n", "*", "[", "]",
      "0", "1", "-1", "2:", ":3", "::2", ",", "'", "\"", "x y", "?(", "@", "@.n", ">", "==", "1)", ")", "length", "\\",
      " ", "é", "[?(@.n > 1)]", "[*]", "['a']", "[0]", "[-1:]", "[(@.length-1)]");
  private static final List<String> FUNCTIONS = List.of("Format", "StringToJson", "JsonToString", "Array", "ArrayPartition",
      "ArrayContains", "ArrayRange", "ArrayGetItem", "ArrayLength", "ArrayUnique", "Base64Encode", "Base64Decode", "Hash",
      "JsonMerge", "MathRandom", "MathAdd", "StringSplit", "UUID", "Nope");
  private static final List<String> ARGUMENTS = List.of("$", "$.a", "$.arr", "$.n", "$.s", "$.b[0]", "$$.Execution.Id", "$$",
      "$x", "'x'", "'{}'", "'{} and {}'", "'a,b'", "'\\''", "'\\{'", "'MD5'", "'SHA-256'", "'bad'", "1", "-3", "0", "1.5",
      "1e309", "99999999999", "true", "null", "''", "States.Array(1, 2)", "States.StringToJson('[1]')", "'\\\\'", "$.[", "'",
      "(", ")", ",");

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of(PATH_TOKENS).list().ofMinSize(1).ofMaxSize(8).map(tokens -> String.join("", tokens));
  }

  @Provide
  Arbitrary<String> calls() {
    Arbitrary<String> args = Arbitraries.of(ARGUMENTS).list().ofMaxSize(4).map(a -> String.join(", ", a));
    Arbitrary<String> wellFormed = net.jqwik.api.Combinators.combine(Arbitraries.of(FUNCTIONS), args)
        .as((name, arguments) -> "States." + name + "(" + arguments + ")");
    Arbitrary<String> mangled = net.jqwik.api.Combinators.combine(wellFormed, Arbitraries.integers().between(0, 40),
        Arbitraries.of("", "(", ")", "'", ",", "\\", " ", "States.")).as((call, at, junk) -> {
          int cut = Math.min(at, call.length());
          return call.substring(0, cut) + junk + call.substring(cut);
        });
    return Arbitraries.oneOf(wellFormed, wellFormed, mangled);
  }

  @Provide
  Arbitrary<JsonNode> inputs() {
    return JsonValues.any();
  }

  @Property(tries = 400)
  void jsonPath_parsesOrSaysWhy_andEvaluatesWithoutThrowing(@ForAll("paths") String text, @ForAll("inputs") JsonNode input) {
    JsonPath path;
    try {
      path = JsonPath.compile(text);
    } catch (IllegalArgumentException malformed) {
      assertNotNull(malformed.getMessage());
      return;
    }
    try {
      path.find(input);
      if (path.isReferencePath()) path.set(input, Json.text("v"));
    } catch (StatesError clear) {
      assertNotNull(clear.error());
    }
  }

  @Property(tries = 400)
  void intrinsics_parseOrSayWhy_andEvaluateToAValueOrAStatesError(@ForAll("calls") String text, @ForAll("inputs") JsonNode input) {
    IntrinsicCall call;
    try {
      call = Intrinsics.parse(text);
    } catch (IllegalArgumentException malformed) {
      assertNotNull(malformed.getMessage());
      return;
    }
    Scope scope = new Scope(input, Json.parse("{\"Execution\": {\"Id\": \"arn:x\"}}"), Map.of("x", input),
        Sources.fixed(Instant.EPOCH, 7));
    try {
      assertNotNull(call.evaluate(scope));
    } catch (StatesError clear) {
      assertNotNull(clear.error());
    }
  }
}
