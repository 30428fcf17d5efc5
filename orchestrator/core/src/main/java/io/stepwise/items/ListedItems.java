package io.stepwise.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.json.Json;
import java.util.Iterator;

/**
 * The objects under a prefix ({@code s3:listObjectsV2}), page by page, each as Step Functions
 * gives it: Etag, Key, LastModified (epoch seconds), Size and StorageClass. The cursor is the
 * last key read, so a later read lists on from there.
 */
final class ListedItems implements ItemStream {
  static final int PAGE = 1000;

  private final ObjectStorage storage;
  private final ReaderSpec spec;
  private ItemCursor cursor;
  private Iterator<ObjectStorage.StoredObject> page;
  private boolean more = true;

  ListedItems(ObjectStorage storage, ReaderSpec spec, ItemCursor from) {
    this.storage = storage;
    this.spec = spec;
    this.cursor = from;
  }

  @Override
  public JsonNode next() {
    while (page == null || !page.hasNext()) {
      if (!more) return null;
      ObjectStorage.ObjectPage listed = storage.list(spec.bucket(), spec.prefix(), cursor.afterKey(), PAGE);
      page = listed.objects().iterator();
      more = listed.truncated() && !listed.objects().isEmpty();
    }
    ObjectStorage.StoredObject object = page.next();
    cursor = new ItemCursor(cursor.index() + 1, 0, object.key(), 0, null);
    ObjectNode item = Json.object();
    item.put("Etag", object.etag());
    item.put("Key", object.key());
    item.put("LastModified", object.lastModified().getEpochSecond());
    item.put("Size", object.size());
    item.put("StorageClass", object.storageClass());
    return item;
  }

  @Override
  public ItemCursor cursor() {
    return cursor;
  }

  @Override
  public void close() {
    // nothing held between pages
  }
}
