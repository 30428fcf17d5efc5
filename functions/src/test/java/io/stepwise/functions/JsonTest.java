package io.stepwise.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void givenNestedValues_whenWritten_thenCompactJsonInMapOrder() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("s", "x");
    value.put("i", 5);
    value.put("l", 12345678901L);
    value.put("d", 0.2);
    value.put("big", new BigDecimal("1.50"));
    value.put("b", false);
    value.put("n", null);
    value.put("list", Arrays.asList(1, null, List.of()));
    value.put("map", Map.of());

    assertEquals("{\"s\":\"x\",\"i\":5,\"l\":12345678901,\"d\":0.2,\"big\":1.50,\"b\":false,\"n\":null,"
        + "\"list\":[1,null,[]],\"map\":{}}", Json.write(value));
  }

  @Test
  void givenSpecialCharacters_whenWritten_thenEscaped() {
    assertEquals("\"q\\\" b\\\\ n\\n t\\t \\u0001 é ☃\"", Json.write("q\" b\\ n\n t\t \u0001 é ☃"));
    assertEquals("{\"a\\\"b\":1}", Json.write(Map.of("a\"b", 1)));
  }

  @Test
  void givenNonJsonValues_whenWritten_thenIllegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("x", new Object())));
  }
}
