package dev.tlog.server.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.server.testing.RawHttp;
import dev.tlog.server.testing.TestLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bug as reported: idle connections exhaust the server's file descriptors, its HTTP acceptor
 * fails with "Too many open files", and after the sockets close {@code /checkpoint} must answer
 * again. The real server runs in its own JVM under {@code ulimit -n}, 256 descriptors beyond the
 * jars of its class path (the JVM keeps each open), with connection limits high enough that the
 * descriptors run out first.
 */
class HttpFdExhaustionTest {
  @TempDir Path dir;

  @Test
  void theListenerAcceptsAgainOnceDescriptorsAreFree() throws Exception {
    Path err = dir.resolveSibling(dir.getFileName() + "-stderr.txt");
    Process server = start(err);
    List<Socket> held = new ArrayList<>();
    try {
      int port = httpPort(server);
      assertTrue(RawHttp.answers200("127.0.0.1", port, "/checkpoint"));
      // Open idle connections until the server no longer answers (its descriptors are gone).
      boolean exhausted = false;
      while (!exhausted && held.size() < 3000) {
        for (int i = 0; i < 50; i++) {
          held.add(RawHttp.connect("127.0.0.1", port));
        }
        exhausted = held.size() > 300 && !answersWithin(port, Duration.ofSeconds(3));
      }
      assertTrue(exhausted, "the server kept answering with " + held.size() + " connections");
      for (Socket s : held) {
        s.close();
      }
      held.clear();
      RawHttp.await(
          () -> RawHttp.answers200("127.0.0.1", port, "/checkpoint"),
          Duration.ofSeconds(60),
          "/checkpoint answers again after the idle sockets closed; server stderr: " + stderr(err));
      assertTrue(server.isAlive(), "the server is still running");
    } finally {
      for (Socket s : held) {
        s.close();
      }
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
      Files.deleteIfExists(err);
    }
  }

  private static boolean answersWithin(int port, Duration max) {
    try (Socket s = RawHttp.connect("127.0.0.1", port)) {
      s.setSoTimeout((int) max.toMillis());
      s.getOutputStream()
          .write(
              "GET /checkpoint HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      byte[] first = new byte[12];
      int n = s.getInputStream().read(first);
      return n > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private Process start(Path err) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cmd =
        "ulimit -n "
            + descriptorLimit()
            + "; exec \"$0\" --add-opens java.base/java.nio=ALL-UNNAMED"
            + " --add-opens java.base/sun.nio.ch=ALL-UNNAMED -cp \"$1\" dev.tlog.server.Main"
            + " --data-dir \"$2\" --origin \"$3\" --grpc-port 0 --http-port 0 --map-size-mib 1"
            + " --mode opaque --http-max-connections 100000"
            + " --http-max-connections-per-client 100000";
    ProcessBuilder pb =
        new ProcessBuilder(
            "/bin/sh",
            "-c",
            cmd,
            java,
            System.getProperty("java.class.path"),
            dir.toString(),
            TestLog.ORIGIN);
    pb.redirectError(err.toFile());
    return pb.start();
  }

  /** 256 descriptors for the server beyond one per class path entry, which the JVM holds open. */
  private static int descriptorLimit() {
    return 256 + System.getProperty("java.class.path").split(java.io.File.pathSeparator).length;
  }

  private static int httpPort(Process p) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.contains("HTTP (tiles):")) {
        String rest = line.substring(line.lastIndexOf(':') + 1);
        return Integer.parseInt(rest.substring(0, rest.indexOf('/')));
      }
    }
    throw new IllegalStateException("server exited before printing its port");
  }

  private static String stderr(Path err) {
    try {
      String s = Files.readString(err);
      return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
