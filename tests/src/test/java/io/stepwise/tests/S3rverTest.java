package io.stepwise.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.local.servers.AwsClients;
import io.stepwise.local.servers.S3rverServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** s3rver as the tests use it: the S3 calls ItemReader and ResultWriter make, and its lifecycle. */
@ExtendWith(LocalS3.class)
class S3rverTest {

  @ParameterizedTest
  @EnumSource(AwsClients.Http.class)
  void givenEitherHttpClient_whenPuttingListingAndReadingARange_thenS3rverAnswersLikeS3(
      AwsClients.Http http, LocalS3.Server server) {
    try (S3Client s3 = server.newS3(http)) {
      String bucket = LocalS3.newBucket(s3, "range-" + http.name().toLowerCase().replace('_', '-'));
      s3.putObject(b -> b.bucket(bucket).key("in/a.txt"), RequestBody.fromString("0123456789"));
      s3.putObject(b -> b.bucket(bucket).key("in/b.txt"), RequestBody.fromString("x"));

      var page = s3.listObjectsV2(b -> b.bucket(bucket).prefix("in/").startAfter("in/a.txt"));
      String range = s3.getObjectAsBytes(b -> b.bucket(bucket).key("in/a.txt").range("bytes=3-5")).asUtf8String();

      assertEquals(java.util.List.of("in/b.txt"), page.contents().stream().map(S3Object::key).toList());
      assertEquals(1L, page.contents().get(0).size());
      assertEquals("345", range);
    }
  }

  @Test
  void givenATemporaryServer_whenClosed_thenItsNodeProcessAndDirectoryAreGone() {
    S3rverServer server = S3rverServer.startTemporary(null);
    ProcessHandle process = ProcessHandle.of(server.pid()).orElseThrow();
    Path directory = server.directory();
    String command = process.info().command().orElse("");
    try (S3Client s3 = LocalS3.s3(server.endpoint(), AwsClients.Http.URL_CONNECTION)) {
      assertEquals(0, s3.listBuckets().buckets().size(), "every temporary start is empty");
    }

    server.close();

    assertTrue(Path.of(command).getFileName().toString().startsWith("node"), command);
    assertFalse(process.isAlive());
    assertFalse(Files.exists(directory));
  }
}
