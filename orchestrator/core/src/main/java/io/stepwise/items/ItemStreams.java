package io.stepwise.items;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.ErrorNames;
import io.stepwise.eval.StatesError;
import java.io.UncheckedIOException;

/**
 * Opens the item stream an ItemReader describes, from a cursor, stopping after MaxItems. Every
 * failure to read or parse becomes {@code States.ItemReaderFailed}, naming the object (or, where
 * Step Functions words the cause itself, with its words).
 */
public final class ItemStreams {
  private ItemStreams() {}

  public static ItemStream open(ObjectStorage storage, ReaderSpec spec, ItemCursor from) {
    ItemStream stream = guarded(spec, () -> switch (spec.source()) {
      case LIST -> new ListedItems(storage, spec, from);
      case OBJECT -> "MANIFEST".equals(spec.inputType())
          ? new ManifestItems(storage, spec, from)
          : new ObjectItems(storage, spec, from);
    });
    return new ItemStream() {
      @Override
      public JsonNode next() {
        if (spec.maxItems() > 0 && stream.cursor().index() >= spec.maxItems()) return null;
        return guarded(spec, stream::next);
      }

      @Override
      public ItemCursor cursor() {
        return stream.cursor();
      }

      @Override
      public void close() {
        stream.close();
      }
    };
  }

  /**
   * The byte ReaderConfig.CSVDelimiter names (COMMA, PIPE, SEMICOLON, SPACE, TAB; null: comma).
   *
   * @throws IllegalArgumentException for any other name
   */
  public static char delimiter(String name) {
    return CsvRecords.delimiter(name);
  }

  private static <T> T guarded(ReaderSpec spec, java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (ObjectStorage.StorageException e) {
      throw failed(spec, e.code() + ": " + e.getMessage());
    } catch (AwsWorded e) {
      throw new StatesError(ErrorNames.ITEM_READER_FAILED, e.getMessage());
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw failed(spec, e.getMessage());
    }
  }

  /** A source Step Functions refuses with a cause of its own, given word for word. */
  static final class AwsWorded extends IllegalArgumentException {
    AwsWorded(String cause) {
      super(cause);
    }
  }

  private static StatesError failed(ReaderSpec spec, String reason) {
    String where = spec.source() == ReaderSpec.Source.LIST
        ? "listing s3://" + spec.bucket() + "/" + (spec.prefix() == null ? "" : spec.prefix())
        : "reading s3://" + spec.bucket() + "/" + spec.key();
    return new StatesError(ErrorNames.ITEM_READER_FAILED, "ItemReader failed " + where + ": " + reason);
  }
}
