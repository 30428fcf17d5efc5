package io.stepwise.local.stack;

import java.util.HashMap;
import java.util.Map;

/** System properties set for a while: {@link #close()} puts back what was there before. */
final class SystemProperties implements AutoCloseable {
  private final Map<String, String> previous = new HashMap<>();

  private SystemProperties(Map<String, String> values) {
    values.forEach((key, value) -> {
      previous.put(key, System.getProperty(key));
      System.setProperty(key, value);
    });
  }

  static SystemProperties set(Map<String, String> values) {
    return new SystemProperties(values);
  }

  @Override
  public void close() {
    previous.forEach((key, value) -> {
      if (value == null) System.clearProperty(key);
      else System.setProperty(key, value);
    });
  }
}
