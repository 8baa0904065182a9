package dev.tlog.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.server.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tlog-server}'s security flags as an operator types them: refusals at start. */
class ServerFlagsTest {
  @TempDir Path dir;

  private String refused(String... args) {
    var cli = Main.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    assertEquals(3, cli.execute(args), err::toString);
    return err.toString();
  }

  @Test
  void plaintextOnAllInterfacesIsRefusedNamingTheWayOut() {
    String data = dir.resolve("data").toString();
    String err =
        refused("--data-dir", data, "--bind", "0.0.0.0", "--grpc-port", "0", "--http-port", "0");
    assertTrue(err.contains("--allow-plaintext") && err.contains("--tls-cert"), err);
    assertFalse(Files.exists(dir.resolve("data").resolve("log")), "nothing written");
  }

  @Test
  void inconsistentSecurityFlagsAreRefused() {
    String data = dir.resolve("data").toString();
    assertTrue(refused("--data-dir", data, "--tls-cert", "x.pem").contains("--tls-key"));
    assertTrue(refused("--data-dir", data, "--auth-reads").contains("--auth-file"));
    assertTrue(refused("--data-dir", data, "--rate-limit", "5/s").contains("--auth-file"));
    assertTrue(
        refused("--data-dir", data, "--auth-file", dir.resolve("missing").toString())
            .contains("auth file"));
  }
}
