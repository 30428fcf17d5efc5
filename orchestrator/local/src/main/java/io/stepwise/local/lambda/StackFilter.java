package io.stepwise.local.lambda;

import java.util.ArrayList;
import java.util.List;

/**
 * A handler exception's stack trace as the Java runtime reports it: the handler's own frames,
 * without the host's frames below them (the runtime likewise drops its own).
 */
final class StackFilter {
  private StackFilter() {}

  static String[] userFrames(Throwable t) {
    StackTraceElement[] trace = t.getStackTrace();
    int end = trace.length;
    for (int i = 0; i < trace.length; i++) {
      if (isHost(trace[i].getClassName())) {
        end = i;
        break;
      }
    }
    // Reflection frames between the handler and the host belong to the host's call.
    while (end > 0 && isReflection(trace[end - 1].getClassName()) && end < trace.length) end--;
    List<String> frames = new ArrayList<>(end);
    for (int i = 0; i < end; i++) frames.add(trace[i].toString());
    return frames.toArray(String[]::new);
  }

  private static boolean isHost(String className) {
    return className.startsWith(HandlerLoader.class.getName()) || className.startsWith(FunctionInstance.class.getName());
  }

  private static boolean isReflection(String className) {
    return className.startsWith("jdk.internal.reflect.") || className.startsWith("java.lang.reflect.")
        || className.startsWith("java.lang.invoke.");
  }
}
