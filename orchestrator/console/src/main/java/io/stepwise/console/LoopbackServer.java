package io.stepwise.console;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's HTTP server on 127.0.0.1 only, a daemon thread per request (StartSyncExecution and
 * forwarded calls block theirs for a while): the local stack's API and {@code stepwise console}.
 */
public final class LoopbackServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads;

  private LoopbackServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /** The port is taken: a sentence for the user, not a trace. */
  public static final class PortInUseException extends RuntimeException {
    PortInUseException(int port) {
      super("127.0.0.1:" + port + " is in use: stop what listens there, or choose another port with --port");
    }
  }

  /** @throws PortInUseException when {@code port} cannot be listened on now */
  public static void checkFree(int port) {
    if (port == 0) return;
    // A plain socket: an HttpServer that was bound but never started keeps its port after stop(0)
    // (JDK 17), so the real server could then never bind it.
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (BindException e) {
      throw new PortInUseException(port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  /**
   * @param port 0 for a free one
   * @throws PortInUseException when {@code port} is taken
   */
  public static LoopbackServer start(int port, String threadName, HttpHandler handler) {
    HttpServer server = bind(port);
    AtomicInteger count = new AtomicInteger();
    ExecutorService threads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, threadName + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.createContext("/", handler);
    server.setExecutor(threads);
    server.start();
    return new LoopbackServer(server, threads);
  }

  private static HttpServer bind(int port) {
    try {
      return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (BindException e) {
      throw new PortInUseException(port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port());
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
