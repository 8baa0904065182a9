package dev.tlog.witness.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.witness.testing.TestLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reported bug, on the witness: idle connections exhaust the process's file descriptors (the
 * real witness in its own JVM under {@code ulimit -n}, 256 descriptors beyond the jars of its class
 * path, connection limits set above that), and once the sockets close the listener must answer
 * again instead of having lost its acceptor thread.
 */
class HttpFdExhaustionTest {
  @TempDir Path dir;

  @Test
  void theListenerAcceptsAgainOnceDescriptorsAreFree() throws Exception {
    TestLog log = new TestLog("log.test/fds", 5);
    Path config = dir.resolve("witness.json");
    Files.writeString(
        config,
        "{\"logs\": [{\"origin\": \""
            + log.origin()
            + "\", \"keys\": [\""
            + log.vkey()
            + "\"]}], \"peers\": []}");
    Path err = dir.resolve("stderr.txt");
    Process witness = start(config, err);
    List<Socket> held = new ArrayList<>();
    try {
      int port = port(witness);
      assertTrue(answers(port, 10_000), "answers before the flood");
      boolean exhausted = false;
      while (!exhausted && held.size() < 3000) {
        for (int i = 0; i < 50; i++) {
          Socket s = new Socket();
          s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
          held.add(s);
        }
        exhausted = held.size() > 300 && !answers(port, 3000);
      }
      assertTrue(exhausted, "the witness kept answering with " + held.size() + " connections");
      for (Socket s : held) {
        s.close();
      }
      held.clear();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!answers(port, 3000)) {
        assertTrue(
            System.nanoTime() < deadline,
            "/vkey does not answer after the sockets closed; stderr: " + Files.readString(err));
        Thread.sleep(200);
      }
    } finally {
      for (Socket s : held) {
        s.close();
      }
      witness.destroy();
      if (!witness.waitFor(30, TimeUnit.SECONDS)) {
        witness.destroyForcibly();
      }
    }
  }

  private static boolean answers(int port, int timeoutMillis) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
      s.setSoTimeout(timeoutMillis);
      s.getOutputStream()
          .write(
              "GET /vkey HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      byte[] b = new byte[12];
      int n = s.getInputStream().readNBytes(b, 0, 12);
      return n == 12 && new String(b, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
    } catch (IOException e) {
      return false;
    }
  }

  /** 256 descriptors for the witness beyond one per class path entry, which the JVM holds open. */
  private static int descriptorLimit() {
    return 256 + System.getProperty("java.class.path").split(java.io.File.pathSeparator).length;
  }

  private Process start(Path config, Path err) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cmd =
        "ulimit -n "
            + descriptorLimit()
            + "; exec \"$0\" --add-opens java.base/java.nio=ALL-UNNAMED"
            + " --add-opens java.base/sun.nio.ch=ALL-UNNAMED -cp \"$1\" dev.tlog.witness.Main"
            + " --data-dir \"$2\" --config \"$3\" --name witness.test/fds --port 0"
            + " --cross-check-seconds 0 --http-max-connections 100000"
            + " --http-max-connections-per-client 100000";
    ProcessBuilder pb =
        new ProcessBuilder(
            "/bin/sh",
            "-c",
            cmd,
            java,
            System.getProperty("java.class.path"),
            dir.resolve("data").toString(),
            config.toString());
    pb.redirectError(err.toFile());
    return pb.start();
  }

  private static int port(Process p) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.contains("HTTP:")) {
        String rest = line.substring(line.lastIndexOf(':') + 1);
        return Integer.parseInt(rest.substring(0, rest.indexOf('/')));
      }
    }
    throw new IllegalStateException("witness exited before printing its port");
  }
}
