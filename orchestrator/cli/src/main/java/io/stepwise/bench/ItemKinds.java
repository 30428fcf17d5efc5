package io.stepwise.bench;

import io.stepwise.aws.dynamodb.Table;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Capacity units by what the item is and what the call did to it, read from the table's keys
 * (see the README's "Storage"): a branch or iteration's record ({@code EX#arn|seq|i}, "child")
 * or an execution's, created or (at a change of status) indexed; a transition's history item,
 * claimed empty under its lease or written as the commit (events and record); a join's counters ({@code J}) or one child's outcome
 * ({@code C#i}); the index entries. So a fan-out's cost per item shows where it goes.
 */
final class ItemKinds {
  private final Map<String, AtomicLong> units = new ConcurrentHashMap<>();

  /** A write: {@code action} is create (a put that must not overwrite, or a batch put), put or update. */
  void write(String action, Map<String, AttributeValue> item, long writeUnits) {
    String history = suffix(item);
    add(kind(item) + "." + (history.isEmpty() ? action : "put" + history), writeUnits);
  }

  void read(String action, String pk, String sk, long readUnits) {
    add(kind(pk, sk) + "." + action, readUnits);
  }

  void add(String kind, long n) {
    units.computeIfAbsent(kind, k -> new AtomicLong()).addAndGet(n);
  }

  Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    units.forEach((kind, n) -> copy.put(kind, n.get()));
    return copy;
  }

  /** A history item without its commit (events and record) is the lease a transition takes before its task call. */
  private static String suffix(Map<String, AttributeValue> item) {
    AttributeValue sk = item.get(Table.SK);
    if (sk == null || !sk.s().startsWith("H#")) return "";
    return item.containsKey("commit") ? "_commit" : "_claim";
  }

  private static String kind(Map<String, AttributeValue> item) {
    AttributeValue sk = item.get(Table.SK);
    return kind(item.get(Table.PK).s(), sk == null ? "" : sk.s());
  }

  static String kind(String pk, String sk) {
    if (pk.startsWith("EX#")) {
      String who = pk.indexOf('|') >= 0 ? "child" : "execution";
      return who + (sk.equals("R") ? "_record" : sk.startsWith("H#") ? "_history" : "_" + sk);
    }
    if (pk.startsWith("JN#")) {
      if (sk.startsWith("S#")) return "child_records_packed"; // a group of children's records, packed at the fan-out
      return sk.equals("J") ? "join_counters" : sk.startsWith("C#") ? "join_outcome" : "join_cursor";
    }
    int hash = pk.indexOf('#');
    return hash > 0 ? pk.substring(0, hash).toLowerCase() : "other";
  }
}
