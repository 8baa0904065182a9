package dev.tlog.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlog.server.Main;
import dev.tlog.server.testing.TestLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spec/api.md, "Logs": the real server in its own JVM, stdout a pipe (no terminal), so {@code
 * --log-format auto} picks JSON: every log line on stderr is one JSON object with a level, a logger
 * and a message; the startup banner stays plain text on stdout; requests with a wrong or missing
 * token are refused without a stack trace; and the token from the auth file appears in no line.
 * Along the way: with {@code --auth-reads}, {@code /metrics} needs the token and {@code /healthz}
 * does not.
 */
class JsonLogLinesTest {
  @TempDir Path dir;

  @Test
  void logLinesAreJsonWithoutSecretsOrStackTraces() throws Exception {
    Path auth = dir.resolve("auth");
    String token = addToken(auth);
    Path stderr = dir.resolve("stderr.log");
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-opens",
            "java.base/java.nio=ALL-UNNAMED",
            "--add-opens",
            "java.base/sun.nio.ch=ALL-UNNAMED",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.tlog.server.Main",
            "--data-dir",
            dir.resolve("data").toString(),
            "--origin",
            TestLog.ORIGIN,
            "--mode",
            "opaque",
            "--grpc-port",
            "0",
            "--http-port",
            "0",
            "--map-size-mib",
            "1",
            "--auth-file",
            auth.toString(),
            "--auth-reads");
    Process p =
        new ProcessBuilder(cmd)
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    List<String> banner = new ArrayList<>();
    try {
      int port = awaitHttpPort(p, banner);
      HttpClient http = HttpClient.newHttpClient();
      assertEquals(200, get(http, port, "/healthz", null).statusCode(), "probes need no token");
      assertEquals(401, get(http, port, "/metrics", null).statusCode(), "metrics are a read");
      assertEquals(401, get(http, port, "/metrics", "tlog_wrong-token").statusCode());
      HttpResponse<String> metrics = get(http, port, "/metrics", token);
      assertEquals(200, metrics.statusCode());
      assertTrue(metrics.body().contains("tlog_tree_size 0.0"), metrics.body());
      for (int i = 0; i < 20; i++) {
        assertEquals(401, get(http, port, "/checkpoint", "tlog_bad" + i).statusCode());
      }
    } finally {
      p.destroy(); // SIGTERM: the shutdown hook logs the stop
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    assertTrue(String.join("\n", banner).contains("tlog log server"), "banner on stdout");

    List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> events = new ArrayList<>();
    for (String line : lines) {
      assertFalse(line.contains(token), "the token leaked: " + line);
      assertFalse(line.contains(token.substring(5, 20)), "part of the token leaked: " + line);
      assertFalse(line.startsWith("\tat ") || line.contains("\"stackTrace\""), line);
      // The CLI's own stop messages are plain text by design; everything else is a log event.
      if (line.startsWith("tlog-server: ")) {
        continue;
      }
      JsonNode e = json.readTree(line);
      assertTrue(e.isObject(), line);
      assertTrue(e.path("level").isTextual(), "level in " + line);
      assertTrue(e.path("loggerName").isTextual(), "logger in " + line);
      assertTrue(e.path("formattedMessage").isTextual(), "message in " + line);
      events.add(e);
    }
    assertTrue(
        events.stream()
            .anyMatch(
                e ->
                    e.path("loggerName").asText().equals("dev.tlog.server.LogServer")
                        && e.path("formattedMessage").asText().equals("stopped")),
        "the shutdown is logged: " + lines);
  }

  private static int awaitHttpPort(Process p, List<String> banner) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      banner.add(line);
      if (line.contains("HTTP (tiles):")) {
        String addr = line.substring(line.indexOf("http://") + 7, line.indexOf("/checkpoint"));
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (out.readLine() != null) {
                      // the rest of the banner
                    }
                  } catch (java.io.IOException ignored) {
                    // the process ended
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(addr.substring(addr.lastIndexOf(':') + 1));
      }
    }
    throw new AssertionError("server exited before listening: " + banner);
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path, String token)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code tlog-server token add}, in process; returns the token it printed. */
  private static String addToken(Path auth) {
    StringWriter out = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    assertEquals(0, cli.execute("token", "add", "--auth-file", auth.toString(), "--actor", "ops"));
    String token = out.toString().strip();
    assertTrue(token.startsWith("tlog_"), token);
    return token;
  }
}
