package io.stepwise.eval;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The time and randomness an evaluation may read ({@code $now()}, {@code $millis()},
 * {@code $uuid()}, {@code $random()}, {@code States.UUID()}, {@code States.MathRandom}): the
 * step's own {@code now} and one generator seeded from the execution and the transition. The
 * engine stays a pure function: deciding a transition again (after a crash) draws the same
 * values, and a virtual clock reaches JSONata.
 *
 * <p>One instance serves one step; its draws follow evaluation order, so two calls in one step
 * differ while the whole step repeats exactly. Not thread-safe, like the step itself.
 */
public final class Sources {
  private final Instant now;
  private final LongSupplier seed;
  private RandomGenerator random;

  private Sources(Instant now, LongSupplier seed) {
    this.now = now;
    this.seed = seed;
  }

  /** Sources at {@code now} whose generator is seeded, on first use, with {@code seed}. */
  public static Sources of(Instant now, LongSupplier seed) {
    return new Sources(now, seed);
  }

  /** Fixed sources, for tools and tests that evaluate outside an execution. */
  public static Sources fixed(Instant now, long seed) {
    return new Sources(now, () -> seed);
  }

  public Instant now() {
    return now;
  }

  /** The step's generator, made on first use (most steps draw nothing). */
  public RandomGenerator random() {
    if (random == null) random = new SplittableRandom(seed.getAsLong());
    return random;
  }

  /** A version 4 (random) UUID from the step's generator. */
  public UUID uuid() {
    RandomGenerator r = random();
    long high = (r.nextLong() & ~0xF000L) | 0x4000L;
    long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }

  /** A 64-bit seed mixed from text and numbers (FNV-1a, then a SplitMix finaliser). */
  public static long seed(String text, long... numbers) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    for (long n : numbers) {
      h ^= n;
      h *= 0x100000001b3L;
    }
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }
}
