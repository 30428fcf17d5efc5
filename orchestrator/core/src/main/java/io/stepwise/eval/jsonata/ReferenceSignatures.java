package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.utils.Signature;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

/**
 * Puts a {@link ReferenceSignature} in place of every signature the library checks arguments
 * against: its built-ins' (once, before any evaluation), the functions Stepwise binds over them,
 * and each {@code function($x)<n:n>{...}} of a compiled expression.
 *
 * <p>The library keeps only its parse of a signature, so each is written back as text from its
 * parameters (type, element type, context, {@code ?}/{@code +}) and parsed again by the port. With
 * another library version whose fields differ, nothing is replaced and the library's numbering
 * stays.
 */
final class ReferenceSignatures {
  private static final Field FUNCTION_SIGNATURE = field(JFunction.class, "signature");
  private static final Field PARAMS = field(Signature.class, "_params");
  private static final Field NAME = field(Signature.class, "functionName");
  private static final Field STATIC_FRAME = field(com.dashjoin.jsonata.Jsonata.class, "staticFrame");
  private static final Field BINDINGS = field(com.dashjoin.jsonata.Jsonata.Frame.class, "bindings");
  private static final Class<?> PARAM = java.util.Arrays.stream(Signature.class.getDeclaredClasses())
      .filter(c -> c.getSimpleName().equals("Param")).findFirst().orElse(null);
  private static final Field TYPE = field(PARAM, "type");
  private static final Field REGEX = field(PARAM, "regex");
  private static final Field SUBTYPE = field(PARAM, "subtype");
  private static final Field CONTEXT = field(PARAM, "context");

  static {
    builtIns();
  }

  private ReferenceSignatures() {}

  /** The function, checking its arguments as jsonata-js does; errors name it {@code name} (null: its own name). */
  static JFunction install(JFunction function, String name) {
    if (FUNCTION_SIGNATURE == null) return function;
    try {
      if (FUNCTION_SIGNATURE.get(function) instanceof Signature library && !(library instanceof ReferenceSignature)) {
        Signature reference = reference(library, name);
        if (reference != null) FUNCTION_SIGNATURE.set(function, reference);
      }
      return function;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same for every lambda with a signature in a compiled expression. */
  static void installInLambdas(com.dashjoin.jsonata.Jsonata compiled) {
    SyntaxTree.forEach(compiled, node -> {
      if (node.signature instanceof Signature library && !(library instanceof ReferenceSignature)) {
        Signature reference = reference(library, null);
        if (reference != null) node.signature = reference;
      }
    });
  }

  /** Loaded with this class: the library's own built-ins, shared by every thread, replaced once. */
  private static void builtIns() {
    if (STATIC_FRAME == null || BINDINGS == null) return;
    try {
      Object frame = STATIC_FRAME.get(null);
      if (frame == null) return;
      for (Object bound : ((Map<?, ?>) BINDINGS.get(frame)).values()) {
        if (bound instanceof JFunction function) install(function, null);
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The port of the library's signature, or null when its parameters cannot be read. */
  private static Signature reference(Signature library, String name) {
    if (PARAMS == null || NAME == null || TYPE == null || REGEX == null || SUBTYPE == null || CONTEXT == null) return null;
    try {
      StringBuilder definition = new StringBuilder("<");
      for (Object param : (List<?>) PARAMS.get(library)) {
        String type = (String) TYPE.get(param);
        String regex = (String) REGEX.get(param);
        String subtype = (String) SUBTYPE.get(param);
        boolean context = CONTEXT.getBoolean(param);
        if (type == null || regex == null) return null;
        String suffix = regex.substring(regex.replaceAll("[?+]+$", "").length()); // '?' and '+', in order
        if (context) suffix = suffix.replaceFirst("\\?", ""); // the one '-' added
        definition.append(type).append(subtype == null ? "" : "<" + subtype + ">").append(context ? "-" : "").append(suffix);
      }
      return new ReferenceSignature(definition.append('>').toString(), name != null ? name : (String) NAME.get(library));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field field(Class<?> owner, String name) {
    return SyntaxTree.field(owner, name);
  }
}
