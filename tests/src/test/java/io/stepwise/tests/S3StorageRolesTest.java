package io.stepwise.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.aws.api.AwsApiCaller;
import io.stepwise.aws.api.AwsEndpoints;
import io.stepwise.aws.integrations.TaskCredentials;
import io.stepwise.aws.s3.S3ObjectStorage;
import io.stepwise.engine.Command;
import io.stepwise.items.ObjectStorage;
import io.stepwise.local.servers.AwsClients;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/** A Distributed Map's S3 reads and writes run as its state machine's role, as its Tasks do (on s3rver). */
@ExtendWith(LocalS3.class)
class S3StorageRolesTest {
  private static final String EXECUTION = "arn:aws:states:us-east-1:123456789012:execution:orders:run-1";
  private static final String ROLE = "arn:aws:iam::123456789012:role/stepwise/orders";

  @Test
  void givenTheExecutionsRole_whenReadingAndWriting_thenEachCallAsksForThatRole(LocalS3.Server server, S3Client s3)
      throws Exception {
    String bucket = LocalS3.newBucket(s3, "roles");
    s3.putObject(b -> b.bucket(bucket).key("items.json"), RequestBody.fromString("[1,2]"));
    List<Command.TaskRole> asked = new ArrayList<>();
    ObjectStorage storage = storage(server, (call, region) -> {
      asked.add(call.role());
      return AwsClients.S3RVER_CREDENTIALS.resolveCredentials();
    }).as(EXECUTION, ROLE);

    try (InputStream in = storage.read(bucket, "items.json", 0)) {
      assertEquals("[1,2]", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    storage.write(bucket, "out/manifest.json", "{}".getBytes(StandardCharsets.UTF_8));

    assertEquals(List.of(new Command.TaskRole(ROLE, null), new Command.TaskRole(ROLE, null)), asked);
  }

  @Test
  void givenARoleThatCannotBeAssumed_whenReading_thenAccessDeniedNamesIt(LocalS3.Server server, S3Client s3) {
    String bucket = LocalS3.newBucket(s3, "denied");
    ObjectStorage storage = storage(server, (call, region) -> {
      throw new TaskCredentials.AccessDenied("could not assume " + call.role().machineRoleArn());
    }).as(EXECUTION, ROLE);

    ObjectStorage.StorageException denied = assertThrows(ObjectStorage.StorageException.class,
        () -> storage.read(bucket, "items.json", 0));
    assertEquals("AccessDenied", denied.code());
    assertEquals("could not assume " + ROLE, denied.getMessage());
  }

  @Test
  void givenAReadFromAnOffset_thenTheRestIsRead_andNothingFromTheEnd(LocalS3.Server server, S3Client s3) throws Exception {
    String bucket = LocalS3.newBucket(s3, "ranges");
    s3.putObject(b -> b.bucket(bucket).key("items.csv"), RequestBody.fromString("a\n1\n2\n"));
    ObjectStorage storage = storage(server, (call, region) -> AwsClients.S3RVER_CREDENTIALS.resolveCredentials());

    try (InputStream rest = storage.read(bucket, "items.csv", 2); InputStream end = storage.read(bucket, "items.csv", 6)) {
      assertEquals("1\n2\n", new String(rest.readAllBytes(), StandardCharsets.UTF_8));
      // S3 answers a range from the object's end with InvalidRange: a reader resumed there reads nothing.
      assertEquals(0, end.readAllBytes().length);
    }
  }

  private static S3ObjectStorage storage(LocalS3.Server server, TaskCredentials roles) {
    AwsApiCaller caller = new AwsApiCaller(UrlConnectionHttpClient.create(),
        AwsEndpoints.local(Map.of("s3", server.endpoint()), null, "s3rver serves only S3"));
    return new S3ObjectStorage(caller, roles, AwsClients.DEFAULT_REGION.id());
  }
}
