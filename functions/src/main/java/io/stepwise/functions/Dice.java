package io.stepwise.functions;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/** Where the random-error function's rolls come from; injectable so tests can fix them. */
@FunctionalInterface
public interface Dice {
  /** Environment variable (or system property {@code stepwise.dice.seed}) that seeds the dice. */
  String SEED_VARIABLE = "STEPWISE_DICE_SEED";

  /** One roll of a die with this many sides: a number from 1 to sides inclusive. */
  int roll(int sides);

  /** Fair dice. */
  static Dice random() {
    return sides -> ThreadLocalRandom.current().nextInt(sides) + 1;
  }

  /**
   * Deterministic dice: java.util.Random's algorithm is specified, so a seed gives the same
   * sequence of rolls on every JVM. The sequence runs on across the invocations one handler
   * instance (one Lambda execution environment) serves.
   */
  static Dice seeded(long seed) {
    Random random = new Random(seed);
    return sides -> {
      synchronized (random) { // handlers may be shared by an in-JVM host's threads
        return random.nextInt(sides) + 1;
      }
    };
  }

  /** Seeded dice when STEPWISE_DICE_SEED (or stepwise.dice.seed) is set, fair dice otherwise. */
  static Dice fromEnvironment() {
    String seed = Settings.get("stepwise.dice.seed", SEED_VARIABLE);
    if (seed == null) {
      return random();
    }
    try {
      return seeded(Long.parseLong(seed));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(SEED_VARIABLE + " must be an integer, got " + seed, e);
    }
  }
}
