package io.stepwise.local.servers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.Limits;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scalikejdbc.ConnectionPool$;
import scalikejdbc.ConnectionPoolSettings;
import scala.util.Either;

/**
 * ElasticMQ's SQL message store (H2, in one file under a directory): every queue, and every
 * message with its delay, visibility, receive count and dead-letter policy, written before
 * ElasticMQ answers the call that changed it, so what a client was told was sent survives a
 * SIGKILL. H2 writes each commit to the file at once ({@code WRITE_DELAY=0}); the page cache
 * outlives the process, which is what a killed process needs (a power cut is another matter).
 *
 * <p>ElasticMQ reaches the file through scalikejdbc's JVM-wide default connection pool, so a JVM
 * keeps one store open at a time: a second is refused rather than silently sharing the first.
 * The pool is set here, not by ElasticMQ (which sets it only once per JVM), so a store opened
 * after another was closed gets its own file.
 */
final class QueueStore {
  private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);
  private static final String USER = "sa";
  private static Path openDir;

  private final ActorSystem system;
  private final ActorRef persistence;
  private final ActorRef queues;

  private QueueStore(ActorSystem system, ActorRef persistence, ActorRef queues) {
    this.system = system;
    this.persistence = persistence;
    this.queues = queues;
  }

  static synchronized QueueStore open(Path dir, Limits limits) {
    Path absolute = dir.toAbsolutePath().normalize();
    if (openDir != null) {
      throw new IllegalStateException("ElasticMQ keeps one message store per JVM, open at " + openDir
          + "; cannot also keep one in " + absolute);
    }
    String url = "jdbc:h2:file:" + absolute.resolve("elasticmq") + ";WRITE_DELAY=0";
    SqlQueuePersistenceConfig config = new SqlQueuePersistenceConfig(true, "org.h2.Driver", url, USER, "", false);
    ConnectionPool$ pools = ConnectionPool$.MODULE$;
    ConnectionPoolSettings settings = pools.singleton$default$4();
    pools.singleton(url, USER, "", settings, pools.singleton$default$5(url, USER, "", settings));
    openDir = absolute;
    ActorSystem system = ActorSystem.create("elasticmq");
    ActorRef persistence = system.actorOf(Props.create(SqlQueuePersistenceActor.class,
        () -> new SqlQueuePersistenceActor(config, scala.collection.immutable.List$.MODULE$.empty())));
    ActorRef queues = system.actorOf(Props.create(QueueManagerActor.class,
        () -> new QueueManagerActor(new NowProvider(), limits, Option.apply(persistence))));
    return new QueueStore(system, persistence, queues);
  }

  /** The server's actors: this store's queue manager, which reports every change to the store. */
  TheSQSRestServerBuilder wire(TheSQSRestServerBuilder builder) {
    return builder.withActorSystem(system).withQueueManagerActor(queues).withQueueEventListener(persistence);
  }

  /** Recreates the kept queues and puts their messages back; waits until it is done. */
  void restore() {
    Object result;
    try {
      result = Patterns.ask(persistence, new QueueEvent.Restore(queues), RESTORE_TIMEOUT).toCompletableFuture()
          .get(RESTORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("ElasticMQ could not restore its queues from " + openDir + ": " + e, e);
    }
    if (result instanceof Either<?, ?> either && either.isLeft()) {
      throw new IllegalStateException("ElasticMQ could not restore its queues from " + openDir + ": " + either.left().get());
    }
  }

  /** After the REST server stopped: ends the actors, then closes the file. */
  void close() {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // a slow actor shutdown only delays the JVM's exit; the file is consistent after every commit
    }
    synchronized (QueueStore.class) {
      ConnectionPool$.MODULE$.closeAll();
      openDir = null;
    }
  }
}
