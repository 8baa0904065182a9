package dev.tlog.client.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.client.cli.ExitCodes;
import dev.tlog.client.testing.Cli;
import dev.tlog.client.testing.Cli.Result;
import dev.tlog.runtime.http.HttpLimits;
import dev.tlog.server.LedgerSettings;
import dev.tlog.server.LogServer;
import dev.tlog.server.ServerConfig;
import dev.tlog.server.admission.AppendLimits;
import dev.tlog.server.api.grpc.GrpcLimits;
import dev.tlog.server.security.SecuritySettings;
import dev.tlog.server.security.tls.DevCertificate;
import dev.tlog.server.sequencer.SequencerLimits;
import dev.tlog.server.startup.StartupVerifier;
import dev.tlog.server.storage.LogMode;
import dev.tlog.server.witnessing.WitnessPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tlog} against a log serving TLS with a development certificate and an auth file made by
 * {@code tlog-server token add}: record, append and read with {@code --ca} and {@code --token}.
 */
class SecureCliTest {
  @TempDir Path tmp;
  private LogServer server;
  private DevCertificate cert;
  private String token;

  private Path data;
  private Path auth;

  @BeforeEach
  void start() throws Exception {
    data = tmp.resolve("data");
    auth = tmp.resolve("auth");
    StringWriter out = new StringWriter();
    var admin = dev.tlog.server.Main.commandLine();
    admin.setOut(new PrintWriter(out, true));
    admin.setErr(new PrintWriter(new StringWriter(), true));
    assertEquals(
        0, admin.execute("token", "add", "--auth-file", auth.toString(), "--actor", "user:alice"));
    token = out.toString().strip();
    cert = DevCertificate.loadOrCreate(data.resolve("tls"), "127.0.0.1");
    server =
        LogServer.start(
            config(SecuritySettings.none().withTls(cert.files()).withAuthFile(auth, false)));
  }

  private ServerConfig config(SecuritySettings security) {
    return new ServerConfig(
        data,
        data.resolve("log.key"),
        "tlog.test/secure",
        "127.0.0.1",
        0,
        0,
        64L << 20,
        new AppendLimits(65535, 64),
        new SequencerLimits(64, Duration.ofMillis(1), 10_000),
        1000,
        StartupVerifier.Mode.FULL,
        WitnessPolicy.none(),
        true,
        LedgerSettings.of(LogMode.LEDGER),
        100,
        InstantSource.system(),
        Optional.empty(),
        HttpLimits.defaults(),
        security,
        Optional.empty(),
        GrpcLimits.defaults(),
        false);
  }

  /** Restarts the log on the same data with {@code security}. */
  private void restart(SecuritySettings security) throws Exception {
    server.close();
    server = LogServer.start(config(security));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String[] tlog(List<String> extra, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--grpc",
            "127.0.0.1:" + server.grpcPort(),
            "--vkey",
            server.verifierKey(),
            "--no-state",
            "--retries",
            "2"));
    all.addAll(extra);
    return all.toArray(String[]::new);
  }

  private String[] record(List<String> extra, String actor) {
    return tlog(
        extra,
        "record",
        "--actor",
        actor,
        "--action",
        "agent.tool_call",
        "--payload",
        "{\"tool\":\"shell\"}");
  }

  @Test
  void recordWithATokenOverTlsWorksEndToEnd() {
    List<String> secure = List.of("--ca", cert.files().certChain().toString(), "--token", token);
    Result r = Cli.run(record(secure, "user:alice"));
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("recorded at index "), r::toString);

    Result denied = Cli.run(record(secure, "user:bob"));
    assertEquals(ExitCodes.REJECTED, denied.exit(), denied::toString);
    assertTrue(denied.err().contains("PERMISSION_DENIED"), denied::toString);

    Result anonymous =
        Cli.run(record(List.of("--ca", cert.files().certChain().toString()), "user:alice"));
    assertEquals(ExitCodes.REJECTED, anonymous.exit(), anonymous::toString);
    assertTrue(anonymous.err().contains("UNAUTHENTICATED"), anonymous::toString);

    Result read = Cli.run(tlog(List.of("--ca", cert.files().certChain().toString()), "checkpoint"));
    assertEquals(0, read.exit(), read::toString);
  }

  @Test
  void aClientCertificateListedInTheAuthFileRecordsAsItsActor() throws Exception {
    // A self-signed client certificate is its own CA: the server trusts exactly it.
    DevCertificate client = DevCertificate.loadOrCreate(tmp.resolve("client-tls"), "127.0.0.1");
    Files.writeString(
        auth, "cert:tlog development certificate user:carol\n", StandardOpenOption.APPEND);
    restart(
        SecuritySettings.none()
            .withTls(cert.files())
            .withClientCa(client.files().certChain())
            .withAuthFile(auth, false));
    List<String> mtls =
        List.of(
            "--ca",
            cert.files().certChain().toString(),
            "--cert",
            client.files().certChain().toString(),
            "--key",
            client.files().privateKey().toString());
    Result r = Cli.run(record(mtls, "user:carol"));
    assertEquals(0, r.exit(), r::toString);
    Result denied = Cli.run(record(mtls, "user:alice"));
    assertEquals(ExitCodes.REJECTED, denied.exit(), denied::toString);
    assertTrue(denied.err().contains("PERMISSION_DENIED"), denied::toString);
  }

  @Test
  void protectedReadsOverHttpsTilesNeedTheToken() throws Exception {
    restart(SecuritySettings.none().withTls(cert.files()).withAuthFile(auth, true));
    String https = "https://127.0.0.1:" + server.httpPort() + "/";
    List<String> common =
        List.of("--http", https, "--vkey", server.verifierKey(), "--no-state", "--retries", "1");
    List<String> withToken =
        new ArrayList<>(
            List.of("checkpoint", "--ca", cert.files().certChain().toString(), "--token", token));
    withToken.addAll(common);
    Result ok = Cli.run(withToken.toArray(String[]::new));
    assertEquals(0, ok.exit(), ok::toString);
    List<String> without =
        new ArrayList<>(List.of("checkpoint", "--ca", cert.files().certChain().toString()));
    without.addAll(common);
    Result refused = Cli.run(without.toArray(String[]::new));
    assertEquals(ExitCodes.REJECTED, refused.exit(), refused::toString);
    assertTrue(refused.err().contains("401"), refused::toString);
  }

  @Test
  void aTokenIsNeverSentInPlaintextOffLoopback() {
    for (String[] where :
        List.of(
            new String[] {"--grpc", "192.0.2.1:7400"},
            new String[] {"--http", "http://192.0.2.1:7401/"})) {
      Result r =
          Cli.run(
              "checkpoint",
              where[0],
              where[1],
              "--token",
              token,
              "--vkey",
              server.verifierKey(),
              "--no-state");
      assertEquals(ExitCodes.USAGE, r.exit(), r::toString);
      assertTrue(r.err().contains("refusing to send a token in plaintext"), r::toString);
    }
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateGetsAClearTlsError() {
    DevCertificate other = DevCertificate.loadOrCreate(tmp.resolve("other-tls"), "127.0.0.1");
    Result r =
        Cli.run(
            record(
                List.of("--ca", other.files().certChain().toString(), "--token", token),
                "user:alice"));
    assertEquals(ExitCodes.UNAVAILABLE, r.exit(), r::toString);
    assertTrue(r.err().contains("TLS handshake failed"), r::toString);
    assertTrue(r.err().contains("--ca"), r::toString);
  }
}
