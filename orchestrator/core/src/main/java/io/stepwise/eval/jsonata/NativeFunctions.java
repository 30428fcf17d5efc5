package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.utils.Signature;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;

/**
 * Makes the functions Stepwise binds over the library's partially applicable, as its own are,
 * and has them check their arguments as jsonata-js does ({@link ReferenceSignatures}).
 *
 * <p>The library partially applies a native function ({@code $substring(?, 0, 3)},
 * {@code $formatNumber(?, '0.00')}) by writing {@code function($a, $b, $c){ $name($a, $b, $c) }}:
 * the name and the arity come from the function's Java method, and one made from a lambda has
 * neither, so the call would be T1006. So each is given its name and a method of its signature's
 * arity, which is only counted, never invoked (a function with a body calls its body).
 */
final class NativeFunctions {
  private static final Field NAME = field("functionName");
  private static final Field METHOD = field("method");
  private static final Field SIGNATURE = field("signature");
  private static final Method[] ARITY = arities();

  private NativeFunctions() {}

  /** The same functions, each named by its key and given its arity; done once, before any evaluation. */
  static Map<String, JFunction> named(Map<String, JFunction> functions) {
    if (NAME == null || METHOD == null || SIGNATURE == null) return functions; // another library version
    functions.forEach((name, function) -> {
      try {
        int arity = ((Signature) SIGNATURE.get(function)).getNumberOfArgs();
        NAME.set(function, name);
        if (arity < ARITY.length) METHOD.set(function, ARITY[arity]);
        ReferenceSignatures.install(function, name);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    });
    return functions;
  }

  private static Field field(String name) {
    try {
      Field field = JFunction.class.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | RuntimeException e) {
      return null;
    }
  }

  private static Method[] arities() {
    Method[] byArity = new Method[6];
    Arrays.stream(NativeFunctions.class.getDeclaredMethods()).filter(m -> m.getName().equals("arity"))
        .forEach(m -> byArity[m.getParameterCount()] = m);
    return byArity;
  }

  // Counted by the library, never called.
  private static void arity() {}

  private static void arity(Object a) {}

  private static void arity(Object a, Object b) {}

  private static void arity(Object a, Object b, Object c) {}

  private static void arity(Object a, Object b, Object c, Object d) {}

  private static void arity(Object a, Object b, Object c, Object d, Object e) {}
}
