package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.Parser;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The syntax tree of a compiled expression, which the library keeps in package-private fields:
 * read once per compiled expression, to find its lambdas' signatures ({@link ReferenceSignatures}),
 * its calls' names and its operators ({@link OperatorTrace}). With another library version whose
 * fields differ, the tree reads as empty.
 */
final class SyntaxTree {
  private static final Field AST = field(com.dashjoin.jsonata.Jsonata.class, "ast");
  private static final Field TYPE = field(Parser.Symbol.class, "type");
  private static final Field VALUE = field(Parser.Symbol.class, "value");
  private static final Field RHS = field(Parser.Symbol.class, "rhs");
  private static final Field PROCEDURE = field(Parser.Symbol.class, "procedure");
  private static final Field STEPS = field(Parser.Symbol.class, "steps");
  private static final Field POSITION = field(Parser.Symbol.class, "position");
  private static final List<Field> CHILDREN = children();

  private SyntaxTree() {}

  /** Every node of the tree, each once. */
  static void forEach(com.dashjoin.jsonata.Jsonata compiled, Consumer<Parser.Symbol> action) {
    if (AST == null || CHILDREN.isEmpty()) return;
    visit(read(AST, compiled), action, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /** The tree's root node (null if unreadable). */
  static Parser.Symbol root(com.dashjoin.jsonata.Jsonata compiled) {
    return AST == null ? null : (Parser.Symbol) read(AST, compiled);
  }

  /** The node's type: {@code binary}, {@code lambda}, {@code function}, ... (null if unreadable). */
  static String type(Parser.Symbol node) {
    return TYPE == null ? null : (String) read(TYPE, node);
  }

  /** The node's value: an operator's text, a literal, a name (null if unreadable). */
  static Object value(Parser.Symbol node) {
    return VALUE == null ? null : read(VALUE, node);
  }

  /**
   * Each call's name by its position (just after its {@code (}), as jsonata-js names the
   * procedure of a call in an error: a path's first step ({@code $obj.f(1)} is {@code f}), else
   * the procedure's value ({@code $f(1)} is {@code f}; a call of a call is {@code (}); null for
   * one that has none (a lambda).
   */
  static Map<Integer, String> callNames(com.dashjoin.jsonata.Jsonata compiled) {
    Map<Integer, String> names = new HashMap<>();
    if (PROCEDURE == null || STEPS == null || POSITION == null) return names;
    forEach(compiled, node -> {
      String type = type(node);
      if (!"function".equals(type) && !"partial".equals(type)) return;
      if (!(read(PROCEDURE, node) instanceof Parser.Symbol procedure)) return;
      Object name = value(procedure);
      if ("path".equals(type(procedure)) && read(STEPS, procedure) instanceof List<?> steps && !steps.isEmpty()
          && steps.get(0) instanceof Parser.Symbol first) {
        name = value(first);
      }
      names.put((Integer) read(POSITION, node), name == null ? null : String.valueOf(name));
    });
    return names;
  }

  /** A binary operator's right operand (null if unreadable). */
  static Parser.Symbol rhs(Parser.Symbol node) {
    return RHS == null ? null : (Parser.Symbol) read(RHS, node);
  }

  private static void visit(Object node, Consumer<Parser.Symbol> action, Set<Object> seen) {
    if (node instanceof Parser.Symbol symbol) {
      if (!seen.add(symbol)) return;
      action.accept(symbol);
      for (Field child : CHILDREN) visit(read(child, symbol), action, seen);
    } else if (node instanceof List<?> list) {
      for (Object item : list) visit(item, action, seen);
    } else if (node instanceof Object[] array) {
      for (Object item : array) visit(item, action, seen);
    }
  }

  /** The fields of a node that can hold other nodes. */
  private static List<Field> children() {
    List<Field> fields = new ArrayList<>();
    for (Field field : Parser.Symbol.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) continue;
      Class<?> type = field.getType();
      if (type == Parser.Symbol.class || List.class.isAssignableFrom(type) || type == Object.class) {
        try {
          field.setAccessible(true);
          fields.add(field);
        } catch (RuntimeException e) {
          return List.of();
        }
      }
    }
    return fields;
  }

  static Object read(Field field, Object owner) {
    try {
      return field.get(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  static Field field(Class<?> owner, String name) {
    if (owner == null) return null;
    try {
      Field field = owner.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | RuntimeException e) {
      return null;
    }
  }
}
