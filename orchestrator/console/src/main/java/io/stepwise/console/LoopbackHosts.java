package io.stepwise.console;

import java.util.Set;

/** Host headers that name this machine: the console's guard against DNS rebinding. */
public final class LoopbackHosts {
  private static final Set<String> NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

  private LoopbackHosts() {}

  /** {@code localhost:8083}, {@code 127.0.0.1}, {@code [::1]:8084}: yes; any other name: no. */
  public static boolean allowed(String host) {
    if (host == null) return false;
    String name = host.toLowerCase();
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf(']')) name = name.substring(0, colon);
    return NAMES.contains(name);
  }
}
