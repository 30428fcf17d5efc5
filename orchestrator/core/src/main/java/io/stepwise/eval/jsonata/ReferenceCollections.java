package io.stepwise.eval.jsonata;

import com.dashjoin.jsonata.Jsonata.Frame;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.Utils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code $sort} and {@code $distinct} as jsonata-js has them. {@code $sort} is its merge sort,
 * so stable: an element moves after the next only when the comparator says so ({@code true}); the
 * library's sort reverses ties. Without a comparator, only numbers or only strings sort, anything
 * else is {@code D3070}. {@code $distinct} compares values deeply (numbers by value) and keeps an
 * array of arrays as it is. {@code $sum} adds in doubles, left to right, as JavaScript does
 * ({@code $sum([0.1, 0.2, 0.3])} is {@code 0.6000000000000001}); the library adds exactly.
 */
final class ReferenceCollections {
  private static final Map<String, JFunction> FUNCTIONS = NativeFunctions.named(Map.of(
      "sort", new JFunction((input, args) -> sort(args), "<af?:a>"),
      "distinct", new JFunction((input, args) -> distinct(args), "<x:x>"),
      "sum", new JFunction((input, args) -> sum(args), "<a<n>:n>")));

  private ReferenceCollections() {}

  static void bind(Frame frame) {
    FUNCTIONS.forEach(frame::bind);
  }

  private interface After {
    boolean test(Object left, Object right);
  }

  private static Object sort(List<?> args) {
    Object value = args.isEmpty() ? null : args.get(0);
    if (!(value instanceof List<?> array)) return value;
    if (array.size() <= 1) return array;
    Object comparator = args.size() > 1 ? args.get(1) : null;
    After after;
    if (comparator == null) {
      if (Utils.isArrayOfNumbers(array)) {
        after = (l, r) -> ((Number) l).doubleValue() > ((Number) r).doubleValue();
      } else if (Utils.isArrayOfStrings(array)) {
        after = (l, r) -> ((String) l).compareTo((String) r) > 0;
      } else {
        throw new JsonataFunctionError("D3070", "The single argument form of the sort function can only be applied "
            + "to an array of strings or an array of numbers.  Use the second argument to specify a comparison function");
      }
    } else {
      after = (l, r) -> truthy(ReferenceRegex.apply(comparator, l, r));
    }
    return mergeSort(new ArrayList<>(array), after);
  }

  private static List<Object> mergeSort(List<Object> array, After after) {
    if (array.size() <= 1) return array;
    int middle = array.size() / 2;
    List<Object> left = mergeSort(new ArrayList<>(array.subList(0, middle)), after);
    List<Object> right = mergeSort(new ArrayList<>(array.subList(middle, array.size())), after);
    List<Object> merged = new ArrayList<>(array.size());
    int l = 0;
    int r = 0;
    while (l < left.size() && r < right.size()) {
      if (after.test(left.get(l), right.get(r))) merged.add(right.get(r++));
      else merged.add(left.get(l++));
    }
    merged.addAll(left.subList(l, left.size()));
    merged.addAll(right.subList(r, right.size()));
    return merged;
  }

  /** JavaScript's truthiness of a comparator's answer. */
  private static boolean truthy(Object value) {
    if (value == null || value == JsonataValues.NULL || Boolean.FALSE.equals(value) || "".equals(value)) return false;
    if (value instanceof Number n) return n.doubleValue() != 0 && !Double.isNaN(n.doubleValue());
    return true;
  }

  private static Object sum(List<?> args) {
    Object value = args.isEmpty() ? null : args.get(0);
    if (!(value instanceof List<?> numbers)) return value;
    boolean exact = true;
    long whole = 0;
    double total = 0;
    for (Object n : numbers) {
      Number number = (Number) n;
      total += number.doubleValue();
      if (exact && (number instanceof Integer || number instanceof Long) && Math.abs(total) < 0x1p53) {
        whole += number.longValue();
      } else {
        exact = false;
      }
    }
    return exact ? (Object) whole : (Object) total;
  }

  private static Object distinct(List<?> args) {
    Object value = args.isEmpty() ? null : args.get(0);
    if (!(value instanceof List<?> array) || array.size() <= 1) return value;
    List<Object> result = Utils.isSequence(array) ? Utils.createSequence() : new ArrayList<>();
    for (Object element : array) {
      if (result.stream().noneMatch(kept -> deepEquals(kept, element))) result.add(element);
    }
    return result;
  }

  /** JSONata's deep equality: numbers by value, objects by members, arrays by elements in order. */
  static boolean deepEquals(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) return false;
      for (int i = 0; i < x.size(); i++) if (!deepEquals(x.get(i), y.get(i))) return false;
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) return false;
      for (Map.Entry<?, ?> entry : x.entrySet()) {
        if (!y.containsKey(entry.getKey()) || !deepEquals(entry.getValue(), y.get(entry.getKey()))) return false;
      }
      return true;
    }
    return a == null ? b == null : a.equals(b);
  }
}
