package io.stepwise.lambda.deploy;

/**
 * Where a {@code DefinitionS3Location} is read from: the definition file that {@code sam deploy}
 * uploaded for a {@code DefinitionUri}.
 */
@FunctionalInterface
public interface DefinitionFiles {
  /** The object's text; IllegalArgumentException when it cannot be read, saying why. */
  String read(String bucket, String key, String version);

  /** For deployers that have no way to read S3: every read fails, naming what to use instead. */
  DefinitionFiles NONE = (bucket, key, version) -> {
    throw new IllegalArgumentException("DefinitionS3Location s3://" + bucket + "/" + key
        + " cannot be read here: give Definition or DefinitionString");
  };
}
