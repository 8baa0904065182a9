package dev.tlog.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball `mvn package -pl dist -am` builds is what a user unpacks: each of its four launchers
 * runs from the unpacked tree alone, the server started from it records an event that the CLI from
 * it verifies, and the mirror from it serves the server's checkpoint.
 */
class DistributionIT {
  private static final Pattern GRPC = Pattern.compile("gRPC:\\s+(\\S+)");
  private static final Pattern HTTP = Pattern.compile("HTTP[^:]*:\\s+(http://[^/\\s]+)/");

  @TempDir static Path unpacked;
  private static Path home;

  @BeforeAll
  static void unpack() throws Exception {
    Path tarball = Path.of(System.getProperty("tlog.dist.tarball"));
    assertTrue(Files.isRegularFile(tarball), tarball + " was not built");
    Result tar =
        run(List.of("tar", "xzf", tarball.toString(), "-C", unpacked.toString()), Map.of());
    assertEquals(0, tar.exit, tar.output);
    home = unpacked.resolve(System.getProperty("tlog.dist.name"));
  }

  @Test
  void everyLauncherRuns() throws Exception {
    for (String program : List.of("tlog-server", "tlog-witness", "tlog-mirror", "tlog")) {
      Path launcher = home.resolve("bin").resolve(program);
      assertTrue(Files.isExecutable(launcher), launcher + " is not executable");
      Result help = run(List.of(launcher.toString(), "--help"), Map.of());
      assertEquals(0, help.exit, program + " --help:\n" + help.output);
      assertTrue(help.output.contains("Usage: " + program), program + " --help:\n" + help.output);
    }
  }

  @Test
  void serverFromTheTarballRecordsWhatTheCliVerifies(@TempDir Path work) throws Exception {
    Process server =
        new ProcessBuilder(
                home.resolve("bin/tlog-server").toString(),
                "--data-dir",
                work.resolve("data").toString(),
                "--origin",
                "dist.example/tlog",
                "--grpc-port",
                "0",
                "--http-port",
                "0")
            .redirectErrorStream(true)
            .start();
    try {
      StringBuilder banner = new StringBuilder();
      String grpc = null;
      String http = null;
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while ((grpc == null || http == null) && System.nanoTime() < deadline) {
        String line = out.readLine();
        if (line == null) {
          break;
        }
        banner.append(line).append('\n');
        Matcher g = GRPC.matcher(line);
        Matcher h = HTTP.matcher(line);
        if (g.find()) {
          grpc = g.group(1);
        } else if (h.find()) {
          http = h.group(1);
        }
      }
      assertTrue(grpc != null && http != null, "no addresses in the banner:\n" + banner);
      CompletableFuture.runAsync(() -> out.lines().forEach(l -> {}));

      HttpClient client = HttpClient.newHttpClient();
      String vkey =
          client
              .send(
                  HttpRequest.newBuilder(URI.create(http + "/vkey"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body()
              .strip();
      assertTrue(vkey.startsWith("dist.example/tlog+"), vkey);

      Map<String, String> env =
          Map.of(
              "TLOG_GRPC", grpc,
              "TLOG_VKEY", vkey,
              "TLOG_STATE_DIR", work.resolve("client-state").toString());
      Result record =
          run(
              List.of(
                  home.resolve("bin/tlog").toString(),
                  "record",
                  "--actor",
                  "agent:dist",
                  "--action",
                  "dist.test",
                  "--payload",
                  "{\"ok\":true}"),
              env);
      assertEquals(0, record.exit, record.output);
      assertTrue(record.output.contains("verified"), record.output);
      assertMirrorFollows(work, http, vkey, client);
    } finally {
      server.destroy();
      assertTrue(server.waitFor(60, TimeUnit.SECONDS), "server did not stop on SIGTERM");
    }
    // 143 is the JVM's status for SIGTERM after its shutdown hooks ran (the clean stop).
    assertTrue(
        server.exitValue() == 0 || server.exitValue() == 143,
        "server exit status after SIGTERM: " + server.exitValue());
  }

  // tlog-mirror from the tarball, started against the server, serves the server's checkpoint.
  private static void assertMirrorFollows(Path work, String http, String vkey, HttpClient client)
      throws Exception {
    Process mirror =
        new ProcessBuilder(
                home.resolve("bin/tlog-mirror").toString(),
                "--upstream",
                http + "/",
                "--log-key",
                vkey,
                "--data-dir",
                work.resolve("mirror").toString(),
                "--port",
                "0",
                "--poll-interval",
                "200ms")
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(mirror.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder banner = new StringBuilder();
      String url = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (url == null && System.nanoTime() < deadline) {
        String line = out.readLine();
        if (line == null) {
          break;
        }
        banner.append(line).append('\n');
        Matcher h = HTTP.matcher(line);
        if (h.find()) {
          url = h.group(1);
        }
      }
      assertTrue(url != null, "no address in the mirror's banner:\n" + banner);
      CompletableFuture.runAsync(() -> out.lines().forEach(l -> {}));
      String want = get(client, http + "/checkpoint").body();
      HttpResponse<String> got = get(client, url + "/checkpoint");
      while (!(got.statusCode() == 200 && got.body().equals(want))
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
        got = get(client, url + "/checkpoint");
      }
      assertEquals(want, got.body(), "the mirror's checkpoint");
    } finally {
      mirror.destroy();
      assertTrue(mirror.waitFor(60, TimeUnit.SECONDS), "mirror did not stop on SIGTERM");
    }
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    CompletableFuture<String> output =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return "(output unreadable: " + e + ")";
              }
            });
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
    return new Result(p.exitValue(), output.join());
  }
}
