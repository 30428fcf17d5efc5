package io.stepwise.local.lambda;

import java.time.Duration;
import java.util.Set;

/**
 * A function the local host serves, as template.yml declares it.
 *
 * @param handler {@code package.Class::method}, or {@code package.Class} for a class
 *     implementing RequestHandler or RequestStreamHandler
 * @param timeout how long an invocation may run before Lambda stops it (Lambda's default: 3 s)
 * @param reservedConcurrency at most this many invocations at once, further synchronous ones
 *     throttled with TooManyRequestsException; 0 for no limit
 * @param aliases qualifiers besides $LATEST that Invoke accepts; all run the one registered code
 */
public record FunctionConfig(
    String name, String handler, Duration timeout, int memoryMb, int reservedConcurrency, Set<String> aliases) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
  public static final int DEFAULT_MEMORY_MB = 128;

  public FunctionConfig {
    if (name == null || !name.matches("[a-zA-Z0-9-_]{1,64}")) throw new IllegalArgumentException("invalid function name: " + name);
    if (handler == null || handler.isBlank()) throw new IllegalArgumentException("function " + name + " has no handler");
    if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
    aliases = Set.copyOf(aliases);
  }

  public static FunctionConfig of(String name, String handler) {
    return new FunctionConfig(name, handler, DEFAULT_TIMEOUT, DEFAULT_MEMORY_MB, 0, Set.of());
  }

  public FunctionConfig withTimeout(Duration value) {
    return new FunctionConfig(name, handler, value, memoryMb, reservedConcurrency, aliases);
  }

  public FunctionConfig withMemoryMb(int value) {
    return new FunctionConfig(name, handler, timeout, value, reservedConcurrency, aliases);
  }

  public FunctionConfig withReservedConcurrency(int value) {
    return new FunctionConfig(name, handler, timeout, memoryMb, value, aliases);
  }

  public FunctionConfig withAliases(String... values) {
    return new FunctionConfig(name, handler, timeout, memoryMb, reservedConcurrency, Set.of(values));
  }

  /** Whether Invoke with {@code qualifier} (null for none) reaches this function. */
  boolean accepts(String qualifier) {
    return qualifier == null || "$LATEST".equals(qualifier) || aliases.contains(qualifier);
  }
}
