package io.stepwise.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TableKeysTest {
  @Test
  void zeroPadded_printsWhatPercentZeroDPrints() {
    long[] values = {0, 1, 9, 10, 99, 12345, 999_999_999L, 1_000_000_000L, 1_796_174_067_956L, Long.MAX_VALUE, -1, -42, Long.MIN_VALUE};
    for (int width : new int[] {3, 8, 10, 15, 20}) {
      for (long value : values) assertEquals(String.format("%0" + width + "d", value), Table.zeroPadded(value, width), value + "/" + width);
    }
  }

  @Test
  void sortKeys_keepTheirLayout() {
    assertEquals("H#00000000000000000042", Table.historyKey(42));
    assertEquals("001796174067956#run", Table.startNameKey(1_796_174_067_956L, "run"));
    assertEquals("V#0000000007", Table.versionKey(7));
  }
}
