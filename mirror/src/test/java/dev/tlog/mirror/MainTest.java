package dev.tlog.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.mirror.testing.TestMirror;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * spec/mirror.md, "Starting": bad flags are a usage error (exit 2) naming the flag; an unreachable
 * upstream does not stop the start (the mirror serves what it has and retries); a data directory in
 * use stops it.
 */
class MainTest {
  @TempDir Path tmp;

  private static final String VKEY =
      Ed25519NoteSigner.generate("tlog.test/log", new SecureRandom()).verifierKey();

  @Test
  void badFlagsAreUsageErrors() {
    String url = "http://127.0.0.1:9/";
    assertUsage("--upstream", "--log-key", VKEY);
    assertUsage("--log-key", "--upstream", url);
    assertUsage("not a verifier key", "--upstream", url, "--log-key", "nonsense");
    assertUsage("http://", "--upstream", "ftp://example.com/", "--log-key", VKEY);
    assertUsage("500ms", "--upstream", url, "--log-key", VKEY, "--poll-interval", "soon");
    assertUsage("positive", "--upstream", url, "--log-key", VKEY, "--poll-interval", "0s");
    assertUsage("--nope", "--upstream", url, "--log-key", VKEY, "--nope");
    assertUsage("auto, json or text", "--upstream", url, "--log-key", VKEY, "--log-format", "xml");
    assertUsage("--port", "--upstream", url, "--log-key", VKEY, "--port", "http");
  }

  @Test
  void helpNamesEveryFlag() {
    Run r = run("--help");
    assertEquals(0, r.exit);
    for (String flag :
        new String[] {
          "--upstream",
          "--log-key",
          "--data-dir",
          "--poll-interval",
          "--port",
          "--log-format",
          "--http-max-connections"
        }) {
      assertTrue(r.out.contains(flag), flag + " missing from --help:\n" + r.out);
    }
  }

  @Test
  void anUnreachableUpstreamAtStartIsRetriedNotFatal() throws Exception {
    try (TestMirror mirror = TestMirror.start(tmp.resolve("m"), "http://127.0.0.1:9/", VKEY)) {
      HttpResponse<byte[]> cp = mirror.get("checkpoint");
      assertEquals(503, cp.statusCode());
      assertTrue(new String(cp.body(), StandardCharsets.UTF_8).contains("nothing mirrored yet"));
      assertEquals(503, mirror.get("readyz").statusCode());
      assertEquals(200, mirror.get("healthz").statusCode());
      mirror.server.pollNow();
      assertTrue(mirror.metric("tlog_mirror_upstream_errors_total") >= 1);
    }
  }

  @Test
  void aDataDirectoryInUseStopsTheStart() {
    try (TestMirror first = TestMirror.start(tmp.resolve("m"), "http://127.0.0.1:9/", VKEY)) {
      MirrorStartException e =
          assertThrows(
              MirrorStartException.class,
              () -> TestMirror.start(tmp.resolve("m"), "http://127.0.0.1:9/", VKEY));
      assertTrue(e.getMessage().contains("in use"), e.getMessage());
    }
  }

  private static void assertUsage(String inMessage, String... args) {
    Run r = run(args);
    assertEquals(2, r.exit, r.err);
    assertTrue(r.err.contains(inMessage), "want '" + inMessage + "' in:\n" + r.err);
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
