package io.stepwise.aws.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** The role session cache on a hand-moved clock (pure code: the loader stands in for STS). */
class RoleSessionCacheTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final InstantSource clock = now::get;
  private final AtomicInteger loads = new AtomicInteger();
  private final RoleSessionCache.Key machine = new RoleSessionCache.Key(null, "arn:aws:iam::1:role/m", "stepwise-m");

  private RoleSession session(Duration lifetime) {
    int n = loads.incrementAndGet();
    return new RoleSession(AwsSessionCredentialsIdentity.create("AK" + n, "secret", "token"), now.get().plus(lifetime),
        "arn:aws:sts::1:assumed-role/m/stepwise-m");
  }

  @Test
  void aSessionIsReused_untilFiveMinutesBeforeItExpires_thenRenewed() throws Exception {
    RoleSessionCache cache = new RoleSessionCache(clock);
    RoleSession first = cache.get(machine, () -> session(Duration.ofHours(1)));
    now.set(T0.plus(Duration.ofMinutes(54)).plusSeconds(59));
    assertSame(first, cache.get(machine, () -> session(Duration.ofHours(1))));
    assertEquals(1, loads.get());

    now.set(T0.plus(Duration.ofMinutes(55)));
    RoleSession renewed = cache.get(machine, () -> session(Duration.ofHours(1)));
    assertEquals(2, loads.get());
    assertEquals("AK2", renewed.credentials().accessKeyId());
  }

  @Test
  void rolesAssumerAndSessionNames_haveSessionsOfTheirOwn() throws Exception {
    RoleSessionCache cache = new RoleSessionCache(clock);
    cache.get(machine, () -> session(Duration.ofHours(1)));
    cache.get(new RoleSessionCache.Key(null, "arn:aws:iam::1:role/other", "stepwise-m"), () -> session(Duration.ofHours(1)));
    cache.get(new RoleSessionCache.Key("arn:aws:iam::1:role/m", "arn:aws:iam::1:role/other", "stepwise-m"),
        () -> session(Duration.ofHours(1)));
    cache.get(new RoleSessionCache.Key(null, "arn:aws:iam::1:role/m", "stepwise-n"), () -> session(Duration.ofHours(1)));
    assertEquals(4, loads.get());
  }

  @Test
  void aFailedAssume_isNotCached_andTheNextTaskTriesAgain() throws Exception {
    RoleSessionCache cache = new RoleSessionCache(clock);
    assertThrows(AssumeRoleFailure.class, () -> cache.get(machine, () -> {
      throw new AssumeRoleFailure("AccessDenied");
    }));
    assertEquals("AK1", cache.get(machine, () -> session(Duration.ofHours(1))).credentials().accessKeyId());
  }

  @Test
  void concurrentTasksOfOneRole_waitForOneAssumeRole() throws Exception {
    RoleSessionCache cache = new RoleSessionCache(clock);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<RoleSession>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return cache.get(machine, () -> session(Duration.ofHours(1)));
        }));
      }
      go.countDown();
      RoleSession first = results.get(0).get();
      for (Future<RoleSession> r : results) assertSame(first, r.get());
      assertEquals(1, loads.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sessionNames_nameTheMachine_withinStsLimits() {
    assertEquals("stepwise-orders", MachineRoleCredentials.sessionName(
        "arn:aws:states:us-east-1:1:execution:orders:run-1"));
    assertEquals("stepwise-a-b", MachineRoleCredentials.sessionName("arn:aws:states:us-east-1:1:execution:a b:e"));
    String longName = MachineRoleCredentials.sessionName("arn:aws:states:us-east-1:1:execution:" + "x".repeat(80) + ":e");
    assertEquals(64, longName.length());
    assertEquals("stepwise-task", MachineRoleCredentials.sessionName(null));
  }
}
