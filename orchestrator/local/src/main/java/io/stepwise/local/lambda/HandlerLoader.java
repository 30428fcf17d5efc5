package io.stepwise.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads a handler string the way the Java Lambda runtime does: the class is instantiated once
 * with its public no-argument constructor; payloads become arguments and results become JSON
 * with the runtime's own serializers from aws-lambda-java-serialization (its shaded Jackson, its
 * settings, its aws-lambda-java-events support), so a handler sees here exactly what it sees on
 * Lambda.
 */
final class HandlerLoader {
  /** A loaded handler: request payload in, response bytes out; throws what the handler throws. */
  interface Loaded {
    byte[] handle(byte[] payload, Context context) throws Exception;
  }

  private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.UTF_8);

  private HandlerLoader() {}

  /** @throws IllegalArgumentException when the class or method is missing or unusable */
  static Loaded load(String handler, ClassLoader classLoader) {
    int split = handler.indexOf("::");
    String className = split < 0 ? handler : handler.substring(0, split);
    String methodName = split < 0 ? null : handler.substring(split + 2);
    try {
      Class<?> type = Class.forName(className, true, classLoader);
      Object instance = type.getConstructor().newInstance();
      boolean interfaceMethod = methodName == null || methodName.equals("handleRequest");
      if (interfaceMethod && instance instanceof RequestStreamHandler stream) {
        return (payload, context) -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          stream.handleRequest(new ByteArrayInputStream(payload), out, context);
          return out.toByteArray();
        };
      }
      if (interfaceMethod && instance instanceof RequestHandler<?, ?> pojo) return requestHandler(type, pojo);
      if (methodName == null) {
        throw new IllegalArgumentException("Class does not implement an appropriate handler interface: " + className);
      }
      return method(type, instance, methodName);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalArgumentException("Cannot load handler '" + handler + "': " + e, e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Loaded requestHandler(Class<?> type, RequestHandler handler) {
    Type[] types = typeArguments(type, Map.of());
    PojoSerializer<Object> in = serializer(types == null ? Object.class : types[0]);
    PojoSerializer<Object> out = serializer(types == null ? Object.class : types[1]);
    return (payload, context) -> json(out, handler.handleRequest(in.fromJson(new ByteArrayInputStream(payload)), context));
  }

  /**
   * A named method, chosen as the runtime chooses among overloads: real methods before bridges,
   * longer signatures first, a trailing Context counting one extra.
   */
  private static Loaded method(Class<?> type, Object instance, String name) {
    Method m = Arrays.stream(type.getMethods())
        .filter(candidate -> candidate.getName().equals(name))
        .min(Comparator.comparing(Method::isBridge).thenComparing(HandlerLoader::weight, Comparator.reverseOrder()))
        .orElseThrow(() -> new IllegalArgumentException("No public method named " + name + " on class " + type.getName()));
    Class<?>[] p = m.getParameterTypes();
    Type[] generic = m.getGenericParameterTypes();
    boolean context = p.length > 0 && p[p.length - 1] == Context.class;
    int data = p.length - (context ? 1 : 0);
    if (data == 2 && p[0] == InputStream.class && p[1] == OutputStream.class) {
      return (payload, ctx) -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        call(m, instance, context ? new Object[] {new ByteArrayInputStream(payload), out, ctx}
            : new Object[] {new ByteArrayInputStream(payload), out});
        return out.toByteArray();
      };
    }
    if (data > 1) throw new IllegalArgumentException("Unsupported handler signature: " + m);
    PojoSerializer<Object> in = data == 1 ? serializer(generic[0]) : null;
    PojoSerializer<Object> out = m.getReturnType() == void.class ? null : serializer(m.getGenericReturnType());
    return (payload, ctx) -> {
      Object[] args = new Object[p.length];
      if (in != null) args[0] = in.fromJson(new ByteArrayInputStream(payload));
      if (context) args[p.length - 1] = ctx;
      Object result = call(m, instance, args);
      return out == null ? JSON_NULL : json(out, result);
    };
  }

  private static int weight(Method m) {
    Class<?>[] p = m.getParameterTypes();
    return p.length + (p.length > 0 && p[p.length - 1] == Context.class ? 1 : 0);
  }

  /** Calls {@code m}, rethrowing what the handler threw rather than the reflection wrapper. */
  private static Object call(Method m, Object instance, Object[] args) throws Exception {
    try {
      return m.invoke(instance, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception thrown) throw thrown;
      if (e.getCause() instanceof Error error) throw error;
      throw e;
    }
  }

  private static byte[] json(PojoSerializer<Object> serializer, Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    serializer.toJson(value, out);
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static PojoSerializer<Object> serializer(Type type) {
    if (type instanceof TypeVariable<?> variable) {
      type = variable.getBounds().length > 0 ? variable.getBounds()[0] : Object.class;
    }
    if (type instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
      return LambdaEventSerializers.serializerFor((Class<Object>) c, c.getClassLoader());
    }
    return JacksonFactory.getInstance().getSerializer(type);
  }

  /**
   * RequestHandler's I and O as {@code type} binds them, following type variables through
   * generic superclasses and interfaces; null when nothing binds them.
   */
  static Type[] typeArguments(Type type, Map<TypeVariable<?>, Type> outer) {
    Class<?> raw = type instanceof Class<?> c ? c
        : type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    if (raw == null) return null;
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    if (type instanceof ParameterizedType p) {
      TypeVariable<?>[] variables = raw.getTypeParameters();
      Type[] arguments = p.getActualTypeArguments();
      for (int i = 0; i < variables.length; i++) {
        Type argument = arguments[i];
        bindings.put(variables[i], argument instanceof TypeVariable<?> v ? outer.getOrDefault(v, v) : argument);
      }
    }
    if (raw == RequestHandler.class) {
      TypeVariable<?>[] variables = raw.getTypeParameters();
      return new Type[] {bindings.getOrDefault(variables[0], Object.class), bindings.getOrDefault(variables[1], Object.class)};
    }
    for (Type parent : raw.getGenericInterfaces()) {
      Type[] found = typeArguments(parent, bindings);
      if (found != null) return found;
    }
    return raw.getGenericSuperclass() == null ? null : typeArguments(raw.getGenericSuperclass(), bindings);
  }
}
