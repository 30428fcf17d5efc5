package io.stepwise.local.stack;

import static io.stepwise.local.stack.StackTemplate.list;

import java.util.Map;

/** Which resource a template value points at through {@code !Ref} or {@code !GetAtt}. */
final class References {
  private References() {}

  /** {@code !Ref X}, {@code !Ref X.Alias} and {@code !GetAtt X.Attr} all give X; anything else null. */
  static String resource(Object value) {
    if (!(value instanceof Map<?, ?> function) || function.size() != 1) return null;
    Object ref = function.get("Ref");
    if (ref != null) {
      String name = String.valueOf(ref);
      return name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    }
    Object getAtt = function.get("Fn::GetAtt");
    return getAtt == null ? null : String.valueOf(list(getAtt).get(0));
  }
}
