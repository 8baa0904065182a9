package dev.tlog.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.runtime.http.HttpLimits;
import dev.tlog.server.testing.RawHttp;
import dev.tlog.server.testing.TestLog;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP listener survives hostile clients (spec/api.md, "Limits"): idle connections beyond the
 * total or per-client limit are closed as soon as they are accepted while other clients are still
 * served, and a client that trickles its request headers is closed after the header timeout.
 * Clients at different addresses come from 127.0.0.1, .2, .3 (all loopback on Linux).
 */
class HttpConnectionLimitsTest {
  private static final Duration GENEROUS = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void connectionsOverTheLimitsAreClosedAndOthersAreStillServed() throws Exception {
    HttpLimits limits =
        new HttpLimits(30, 20, Duration.ofMinutes(5), Duration.ofMinutes(5), 4096, 8192);
    List<Socket> all = new ArrayList<>();
    try (TestLog log = TestLog.start(TestLog.config(dir).withHttpLimits(limits))) {
      int port = log.server.httpPort();
      try {
        // One client opens 25 idle connections: the 5 over its limit of 20 are closed.
        List<Socket> first = open("127.0.0.1", port, 25, all);
        Set<Socket> closed = awaitClosed(first, 5);
        // Another client is still served while the first holds its 20.
        assertTrue(RawHttp.get("127.0.0.2", port, "/checkpoint").startsWith("HTTP/1.1 200"));
        assertEquals(5, closedNow(first).size(), "only the extras are closed: " + closed);
        // A second client opens 15: the total limit of 30 closes at least 5 of them.
        List<Socket> second = open("127.0.0.2", port, 15, all);
        awaitClosed(second, 5);
        assertEquals(5, closedNow(first).size(), "the first client's connections stay open");
      } finally {
        for (Socket s : all) {
          s.close();
        }
      }
      // Once the sockets are gone every client is served again.
      RawHttp.await(
          () -> RawHttp.answers200("127.0.0.1", port, "/checkpoint"),
          GENEROUS,
          "/checkpoint answers after the idle clients left");
    }
  }

  @Test
  void aClientThatTricklesItsHeadersIsClosedAfterTheHeaderTimeout() throws Exception {
    // The idle timeout is far longer than the test waits: only the header timeout can close them.
    HttpLimits limits =
        new HttpLimits(100, 100, Duration.ofMinutes(10), Duration.ofSeconds(1), 4096, 8192);
    try (TestLog log = TestLog.start(TestLog.config(dir).withHttpLimits(limits))) {
      int port = log.server.httpPort();
      List<Socket> slow = new ArrayList<>();
      List<Boolean> closed = new ArrayList<>();
      try {
        for (int i = 0; i < 5; i++) {
          Socket s = RawHttp.connect("127.0.0.1", port);
          s.getOutputStream()
              .write("GET /checkpoint HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
          slow.add(s);
          closed.add(false);
        }
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        while (closed.contains(false)) {
          assertTrue(
              System.nanoTime() < deadline,
              "slowloris connections still open after " + GENEROUS + ": " + closed);
          for (int i = 0; i < slow.size(); i++) {
            if (!closed.get(i)) {
              // One more header byte each round: the connection is never idle.
              closed.set(i, !trickle(slow.get(i)) || RawHttp.closedByServer(slow.get(i)));
            }
          }
          // Meanwhile a well-behaved client is served.
          assertTrue(RawHttp.get("127.0.0.2", port, "/checkpoint").startsWith("HTTP/1.1 200"));
          Thread.sleep(100);
        }
      } finally {
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }

  /** Sends one header byte; false if the server has closed the connection. */
  private static boolean trickle(Socket s) {
    try {
      OutputStream out = s.getOutputStream();
      out.write('X');
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static List<Socket> open(String ip, int port, int n, List<Socket> all)
      throws IOException {
    List<Socket> got = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Socket s = RawHttp.connect(ip, port);
      got.add(s);
      all.add(s);
    }
    return got;
  }

  private static Set<Socket> awaitClosed(List<Socket> sockets, int atLeast)
      throws InterruptedException {
    Set<Socket> closed = new HashSet<>();
    RawHttp.await(
        () -> {
          closed.addAll(closedNow(sockets));
          return closed.size() >= atLeast;
        },
        GENEROUS,
        atLeast + " of " + sockets.size() + " connections closed by the server");
    return closed;
  }

  private static Set<Socket> closedNow(List<Socket> sockets) {
    Set<Socket> closed = new HashSet<>();
    for (Socket s : sockets) {
      if (RawHttp.closedByServer(s)) {
        closed.add(s);
      }
    }
    return closed;
  }
}
