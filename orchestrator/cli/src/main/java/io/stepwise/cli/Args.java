package io.stepwise.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parsed options ({@code --name value}, {@code --flag}) and positional arguments. */
final class Args {
  private static final Set<String> FLAGS = Set.of("--fast", "--local-functions");
  private final Map<String, String> options = new HashMap<>();
  private final Map<String, List<String>> repeated = new HashMap<>();
  private final List<String> positional = new ArrayList<>();

  Args(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (FLAGS.contains(a)) {
        options.put(a, "true");
      } else if (a.startsWith("--")) {
        if (i + 1 >= args.size()) throw new UsageException(a + " needs a value");
        options.put(a, args.get(++i));
        repeated.computeIfAbsent(a, key -> new ArrayList<>()).add(args.get(i));
      } else {
        positional.add(a);
      }
    }
  }

  String option(String name) {
    return options.get(name);
  }

  /** Every value of an option given more than once, in order ({@code --template a --template b}). */
  List<String> options(String name) {
    return repeated.getOrDefault(name, List.of());
  }

  boolean flag(String name) {
    return options.containsKey(name);
  }

  List<String> positional() {
    return positional;
  }

  String single(String what) {
    if (positional.size() != 1) throw new UsageException("expected one " + what);
    return positional.get(0);
  }
}
