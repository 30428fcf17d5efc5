package io.stepwise.integrations;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The registry's entries for a Distributed Map's own resources, which are not Task resources:
 * where an ItemReader reads ({@code s3:listObjectsV2}, {@code s3:getObject}) and where a
 * ResultWriter writes ({@code s3:putObject}).
 */
public final class MapResources {
  /** What a Map resource does. */
  public enum Kind { LIST_OBJECTS, GET_OBJECT, PUT_OBJECT }

  private static final Pattern S3 = Pattern.compile("arn:aws[a-z-]*:states:::s3:(listObjectsV2|getObject|putObject)");

  public static final String READERS = "arn:aws:states:::s3:listObjectsV2, arn:aws:states:::s3:getObject";
  public static final String WRITERS = "arn:aws:states:::s3:putObject";

  private MapResources() {}

  /** The ItemReader a resource names, if Stepwise runs it. */
  public static Optional<Kind> reader(String resource) {
    return kind(resource).filter(k -> k != Kind.PUT_OBJECT);
  }

  /** The ResultWriter a resource names, if Stepwise runs it. */
  public static Optional<Kind> writer(String resource) {
    return kind(resource).filter(k -> k == Kind.PUT_OBJECT);
  }

  private static Optional<Kind> kind(String resource) {
    var m = S3.matcher(resource);
    if (!m.matches()) return Optional.empty();
    return Optional.of(switch (m.group(1)) {
      case "listObjectsV2" -> Kind.LIST_OBJECTS;
      case "getObject" -> Kind.GET_OBJECT;
      default -> Kind.PUT_OBJECT;
    });
  }
}
