package io.stepwise.eval.intrinsics;

import static io.stepwise.eval.intrinsics.IntrinsicFunction.Kind.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** Intrinsics for data encoding and decoding, and for hash calculation. */
final class EncodingFunctions {
  /** The longest string States.Base64Encode, States.Base64Decode and States.Hash accept. */
  static final int MAX_INPUT_CHARS = 10_000;

  /** The algorithm names States.Hash accepts, spelled as Step Functions spells them. */
  static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private EncodingFunctions() {}

  static List<IntrinsicFunction> all() {
    return List.of(
        IntrinsicFunction.of("States.Base64Encode", EncodingFunctions::encode, STRING),
        IntrinsicFunction.of("States.Base64Decode", EncodingFunctions::decode, STRING),
        IntrinsicFunction.of("States.Hash", EncodingFunctions::hash, STRING, STRING));
  }

  private static JsonNode encode(Args args) {
    byte[] bytes = limited(args, 0).getBytes(StandardCharsets.UTF_8);
    return Json.text(Base64.getEncoder().encodeToString(bytes));
  }

  private static JsonNode decode(Args args) {
    try {
      byte[] bytes = Base64.getDecoder().decode(limited(args, 0));
      return Json.text(new String(bytes, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException notBase64) {
      throw args.invalid();
    }
  }

  private static JsonNode hash(Args args) {
    String data = limited(args, 0);
    String algorithm = args.string(1);
    if (!HASH_ALGORITHMS.contains(algorithm)) throw args.invalid();
    try {
      byte[] digest = MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
      return Json.text(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  private static String limited(Args args, int i) {
    String text = args.string(i);
    if (text.length() > MAX_INPUT_CHARS) throw args.invalid();
    return text;
  }
}
