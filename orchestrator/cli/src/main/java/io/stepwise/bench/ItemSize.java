package io.stepwise.bench;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB's item size: attribute names plus values, as its capacity accounting counts them. */
final class ItemSize {
  private ItemSize() {}

  static long of(Map<String, AttributeValue> item) {
    long bytes = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      bytes += utf8(e.getKey()) + of(e.getValue());
    }
    return bytes;
  }

  private static long of(AttributeValue v) {
    if (v.s() != null) return utf8(v.s());
    if (v.n() != null) return (v.n().length() + 1) / 2 + 1;
    if (v.b() != null) return v.b().asByteArray().length;
    if (v.bool() != null || Boolean.TRUE.equals(v.nul())) return 1;
    if (v.hasM()) return 3 + of(v.m());
    if (v.hasL()) return 3 + all(v.l());
    if (v.hasSs()) return v.ss().stream().mapToLong(ItemSize::utf8).sum();
    return 1;
  }

  private static long all(Collection<AttributeValue> values) {
    long bytes = 0;
    for (AttributeValue v : values) bytes += 1 + of(v);
    return bytes;
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
