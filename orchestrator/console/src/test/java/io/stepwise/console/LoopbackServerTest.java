package io.stepwise.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LoopbackServerTest {
  @Test
  void aFreePortChecked_canThenBeListenedOn() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    LoopbackServer.checkFree(port);

    LoopbackServer server = LoopbackServer.start(port, "test", exchange -> exchange.close());
    try {
      assertEquals(port, server.port());
    } finally {
      server.close();
    }
  }

  @Test
  void aTakenPort_isInUse() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThrows(LoopbackServer.PortInUseException.class, () -> LoopbackServer.checkFree(taken.getLocalPort()));
    }
  }
}
