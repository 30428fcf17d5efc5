package io.stepwise.runtime;

import java.util.List;

/**
 * Where each group of a Distributed Map's children begins in its ItemReader's source: written
 * once when the Map starts, read whenever a group's records are created. One small item per
 * group keeps every item far below DynamoDB's 400 KB, however many items the source holds.
 */
public interface ReaderCursors {
  /** Stores the cursors of groups 0..n-1 of {@code joinKey}; writing them again is harmless. */
  void put(String joinKey, List<String> cursors);

  /** The cursor of group {@code group}. */
  String get(String joinKey, int group);

  /** Without object storage no Map reads items, so no cursor is ever stored. */
  ReaderCursors NONE = new ReaderCursors() {
    @Override
    public void put(String joinKey, List<String> cursors) {
      throw new IllegalStateException("this runtime has no store for ItemReader cursors");
    }

    @Override
    public String get(String joinKey, int group) {
      throw new IllegalStateException("this runtime has no store for ItemReader cursors");
    }
  };
}
