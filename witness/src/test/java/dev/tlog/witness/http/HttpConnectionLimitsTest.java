package dev.tlog.witness.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.runtime.http.HttpLimits;
import dev.tlog.witness.testing.TestLog;
import dev.tlog.witness.testing.TestWitness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The witness's HTTP listener survives hostile clients (spec/witness.md, "Limits"): connections
 * over the per-client limit are closed as soon as they are accepted while another client is served,
 * and a client trickling its request headers is closed after the header timeout. Client addresses
 * 127.0.0.1 and .2 are both loopback on Linux.
 */
class HttpConnectionLimitsTest {
  private static final long GENEROUS_NANOS = Duration.ofSeconds(30).toNanos();

  @TempDir Path dir;

  private final TestLog log = new TestLog("log.test/limits", 4).append(2, "e");

  @Test
  void connectionsOverTheLimitAreClosedAndOthersAreStillServed() throws Exception {
    HttpLimits limits =
        new HttpLimits(100, 10, Duration.ofMinutes(5), Duration.ofMinutes(5), 4096, 8192);
    try (TestWitness w =
        TestWitness.start(dir, TestWitness.config(List.of(log), Map.of()), limits)) {
      int port = w.url().getPort();
      List<Socket> idle = new ArrayList<>();
      try {
        for (int i = 0; i < 15; i++) {
          idle.add(connect("127.0.0.1", port));
        }
        long deadline = System.nanoTime() + GENEROUS_NANOS;
        while (closedCount(idle) < 5) {
          assertTrue(System.nanoTime() < deadline, "the 5 extra connections were not closed");
          Thread.sleep(50);
        }
        assertTrue(get("127.0.0.2", port, "/vkey").startsWith("HTTP/1.1 200"));
      } finally {
        for (Socket s : idle) {
          s.close();
        }
      }
    }
  }

  @Test
  void aClientThatTricklesItsHeadersIsClosedAfterTheHeaderTimeout() throws Exception {
    HttpLimits limits =
        new HttpLimits(100, 100, Duration.ofMinutes(10), Duration.ofSeconds(1), 4096, 8192);
    try (TestWitness w =
        TestWitness.start(dir, TestWitness.config(List.of(log), Map.of()), limits)) {
      int port = w.url().getPort();
      try (Socket s = connect("127.0.0.1", port)) {
        s.getOutputStream()
            .write(
                "POST /add-checkpoint HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        long deadline = System.nanoTime() + GENEROUS_NANOS;
        boolean closed = false;
        while (!closed) {
          assertTrue(System.nanoTime() < deadline, "the slowloris connection is still open");
          try {
            s.getOutputStream().write('X');
            closed = closedByServer(s);
          } catch (IOException e) {
            closed = true;
          }
          Thread.sleep(100);
        }
      }
    }
  }

  private static Socket connect(String localIp, int port) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(localIp, 0));
    s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    return s;
  }

  private static int closedCount(List<Socket> sockets) {
    int n = 0;
    for (Socket s : sockets) {
      if (closedByServer(s)) {
        n++;
      }
    }
    return n;
  }

  private static boolean closedByServer(Socket s) {
    try {
      s.setSoTimeout(20);
      InputStream in = s.getInputStream();
      while (true) {
        if (in.read() < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static String get(String localIp, int port, String path) throws IOException {
    try (Socket s = connect(localIp, port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      s.getInputStream().transferTo(got);
      return got.toString(StandardCharsets.UTF_8);
    }
  }
}
