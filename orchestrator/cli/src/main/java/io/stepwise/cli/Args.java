package io.stepwise.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parsed options ({@code --name value}, {@code --flag}) and positional arguments. Each command
 * names the options it takes ({@link Spec}); any other is a usage error, so a mistyped or
 * not-yet-supported option never runs silently without its effect.
 */
final class Args {
  /** What a command takes: options with a value, and flags. */
  record Spec(String command, Set<String> options, Set<String> flags) {
    String describe() {
      Set<String> all = new TreeSet<>(options);
      all.addAll(flags);
      return all.isEmpty() ? command + " takes no options" : command + " takes " + String.join(", ", all);
    }
  }

  private final Map<String, String> options = new HashMap<>();
  private final Map<String, List<String>> repeated = new HashMap<>();
  private final List<String> positional = new ArrayList<>();

  Args(List<String> args, Spec spec) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (spec.flags().contains(a)) {
        options.put(a, "true");
      } else if (spec.options().contains(a)) {
        if (i + 1 >= args.size()) throw new UsageException(a + " needs a value");
        options.put(a, args.get(++i));
        repeated.computeIfAbsent(a, key -> new ArrayList<>()).add(args.get(i));
      } else if (a.startsWith("-") && a.length() > 1) {
        throw new UsageException("unknown option " + a + " (" + spec.describe() + ")");
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
