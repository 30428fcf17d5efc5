package io.stepwise.items;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The items of one source read in order from a cursor. {@link #cursor()} is where the next item
 * begins, so reading can stop after any item and resume there later, in another process.
 */
public interface ItemStream extends AutoCloseable {
  /** The next item, or null at the end (or once MaxItems items were read). */
  JsonNode next();

  ItemCursor cursor();

  @Override
  void close();
}
