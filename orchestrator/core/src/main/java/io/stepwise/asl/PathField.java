package io.stepwise.asl;

/**
 * An InputPath, OutputPath or ResultPath: absent (the default {@code $}), JSON {@code null}
 * (discard), or a path.
 */
public record PathField(String path) {
  public static final PathField DEFAULT = new PathField("$");
  public static final PathField NULL = new PathField(null);

  public boolean isNull() {
    return path == null;
  }

  public boolean isIdentity() {
    return "$".equals(path);
  }
}
