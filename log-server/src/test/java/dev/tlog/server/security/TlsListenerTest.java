package dev.tlog.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.server.LogServer;
import dev.tlog.server.ServerConfig;
import dev.tlog.server.security.tls.DevCertificate;
import dev.tlog.server.security.tls.InsecureListenerException;
import dev.tlog.server.security.tls.TlsFiles;
import dev.tlog.server.testing.TestLog;
import dev.tlog.server.testing.TestPki;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both listeners over real TLS handshakes on loopback, with certificates made in the test. */
class TlsListenerTest {
  @TempDir Path dir;

  private ServerConfig tlsConfig(TestPki ca) {
    Path[] server = ca.issue("log-server", true);
    return TestLog.config(dir.resolve("data"))
        .withSecurity(SecuritySettings.none().withTls(new TlsFiles(server[0], server[1])));
  }

  @Test
  void grpcAndHttpServeTlsToAClientTrustingTheCa() throws Exception {
    TestPki ca = TestPki.create(dir.resolve("pki"), "test-ca");
    try (LogServer server = LogServer.start(tlsConfig(ca))) {
      ManagedChannel ch = TestPki.channel(server.grpcPort(), ca.caFile(), null);
      try {
        var stub = LogServiceGrpc.newBlockingStub(ch);
        stub.append(
            AppendRequest.newBuilder().setData(ByteString.copyFromUtf8("over tls")).build());
        assertEquals(1, stub.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getSize());
      } finally {
        ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      HttpClient https =
          HttpClient.newBuilder().sslContext(TestPki.sslContext(ca.caFile())).build();
      HttpResponse<String> r =
          https.send(
              HttpRequest.newBuilder(
                      URI.create("https://127.0.0.1:" + server.httpPort() + "/checkpoint"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertTrue(r.body().startsWith(TestLog.ORIGIN + "\n1\n"), r.body());
    }
  }

  @Test
  void aClientTrustingAnotherCaFailsTheHandshake() throws Exception {
    TestPki ca = TestPki.create(dir.resolve("pki"), "test-ca");
    TestPki other = TestPki.create(dir.resolve("other"), "other-ca");
    try (LogServer server = LogServer.start(tlsConfig(ca))) {
      ManagedChannel ch = TestPki.channel(server.grpcPort(), other.caFile(), null);
      try {
        StatusRuntimeException e =
            assertThrows(
                StatusRuntimeException.class,
                () ->
                    LogServiceGrpc.newBlockingStub(ch)
                        .getCheckpoint(GetCheckpointRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
        assertTrue(hasCause(e, SSLHandshakeException.class), "cause: " + e);
      } finally {
        ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      HttpClient https =
          HttpClient.newBuilder().sslContext(TestPki.sslContext(other.caFile())).build();
      assertThrows(
          SSLHandshakeException.class,
          () ->
              https.send(
                  HttpRequest.newBuilder(
                          URI.create("https://127.0.0.1:" + server.httpPort() + "/checkpoint"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString()));
    }
  }

  @Test
  void plaintextOnANonLoopbackAddressIsRefusedUnlessAllowed() throws Exception {
    ServerConfig c = TestLog.config(dir.resolve("data"));
    ServerConfig wildcard =
        new ServerConfig(
            c.dataDir(),
            c.keyFile(),
            c.origin(),
            "0.0.0.0",
            0,
            0,
            c.initialMapSize(),
            c.appendLimits(),
            c.sequencerLimits(),
            c.maxEntriesPerPage(),
            c.verifyMode(),
            c.witnesses(),
            c.dedup(),
            c.ledger(),
            c.maxWatchers(),
            c.clock(),
            c.collectors(),
            c.http(),
            c.security(),
            c.grpc());
    InsecureListenerException e =
        assertThrows(InsecureListenerException.class, () -> LogServer.start(wildcard));
    assertTrue(e.getMessage().contains("0.0.0.0"), e.getMessage());
    assertTrue(e.getMessage().contains("--allow-plaintext"), e.getMessage());
    assertTrue(e.getMessage().contains("--tls-cert"), e.getMessage());
    assertFalse(Files.exists(c.dataDir().resolve("log")), "refused before anything is written");

    try (LogServer server =
        LogServer.start(wildcard.withSecurity(SecuritySettings.none().withAllowPlaintext(true)))) {
      assertTrue(server.grpcPort() > 0);
    }
  }

  @Test
  void selfSignedDevelopmentCertificateIsMadeOnceAndServes() throws Exception {
    Path tlsDir = dir.resolve("data").resolve("tls");
    DevCertificate first = DevCertificate.loadOrCreate(tlsDir, "127.0.0.1");
    DevCertificate again = DevCertificate.loadOrCreate(tlsDir, "127.0.0.1");
    assertTrue(first.created());
    assertFalse(again.created());
    assertEquals(first.fingerprint(), again.fingerprint());
    assertTrue(first.fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), first.fingerprint());
    ServerConfig c =
        TestLog.config(dir.resolve("data"))
            .withSecurity(SecuritySettings.none().withTls(first.files()));
    try (LogServer server = LogServer.start(c)) {
      ManagedChannel ch = TestPki.channel(server.grpcPort(), first.files().certChain(), null);
      try {
        assertEquals(
            0,
            LogServiceGrpc.newBlockingStub(ch)
                .getCheckpoint(GetCheckpointRequest.getDefaultInstance())
                .getSize());
      } finally {
        ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
