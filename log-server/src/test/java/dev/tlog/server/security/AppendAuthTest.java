package dev.tlog.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.Severity;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.proto.v1.GetCheckpointRequest;
import dev.tlog.proto.v1.LogServiceGrpc;
import dev.tlog.proto.v1.LogServiceGrpc.LogServiceBlockingStub;
import dev.tlog.server.LogServer;
import dev.tlog.server.Main;
import dev.tlog.server.ServerConfig;
import dev.tlog.server.api.grpc.GrpcErrors;
import dev.tlog.server.security.auth.Credentials;
import dev.tlog.server.security.auth.RateLimit;
import dev.tlog.server.security.tls.TlsFiles;
import dev.tlog.server.testing.TestLog;
import dev.tlog.server.testing.TestPki;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Appender credentials through the real server: bearer tokens from an auth file made by {@code
 * tlog-server token add}, mTLS client certificates from a CA made in the test, revocation by
 * editing the file, per-credential rate limits, and reads public or protected.
 */
class AppendAuthTest {
  @TempDir Path dir;
  private final List<ManagedChannel> channels = new ArrayList<>();

  @AfterEach
  void closeChannels() throws InterruptedException {
    for (ManagedChannel c : channels) {
      c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private Path authFile() {
    return dir.resolve("auth");
  }

  /** Runs {@code tlog-server token add} and returns the token it printed. */
  private String addToken(String actor) {
    StringWriter out = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    assertEquals(
        0, cli.execute("token", "add", "--auth-file", authFile().toString(), "--actor", actor));
    String token = out.toString().strip();
    assertTrue(token.startsWith("tlog_"), token);
    return token;
  }

  private ServerConfig ledger(SecuritySettings security) {
    return TestLog.ledgerConfig(dir.resolve("data")).withSecurity(security);
  }

  private LogServiceBlockingStub stub(LogServer server, String token) {
    ManagedChannel ch =
        NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    channels.add(ch);
    return withToken(LogServiceGrpc.newBlockingStub(ch), token);
  }

  private static <S extends io.grpc.stub.AbstractStub<S>> S withToken(S stub, String token) {
    if (token == null) {
      return stub;
    }
    Metadata h = new Metadata();
    h.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(h));
  }

  private static AppendRequest event(String actor) {
    Event e =
        Event.builder()
            .time(Instant.now())
            .actor(actor)
            .action("agent.tool_call")
            .severity(Severity.NOTICE)
            .payload("{\"tool\":\"t" + System.nanoTime() + "\",\"duration_ms\":3}")
            .build();
    return AppendRequest.newBuilder()
        .setData(ByteString.copyFrom(EventCodec.submission(e)))
        .build();
  }

  private static long size(LogServiceBlockingStub s) {
    return s.getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getSize();
  }

  private static StatusRuntimeException refused(Status.Code code, Runnable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
    assertEquals(code, e.getStatus().getCode(), String.valueOf(e.getStatus()));
    return e;
  }

  @Test
  void appendsNeedATokenBoundToTheEventsActor() throws Exception {
    String alice = addToken("user:alice");
    String ci = addToken("service:ci-*");
    try (LogServer server =
        LogServer.start(ledger(SecuritySettings.none().withAuthFile(authFile(), false)))) {
      LogServiceBlockingStub anonymous = stub(server, null);
      refused(Status.Code.UNAUTHENTICATED, () -> anonymous.append(event("user:alice")));
      refused(
          Status.Code.UNAUTHENTICATED,
          () ->
              anonymous.appendBatch(
                  AppendBatchRequest.newBuilder()
                      .addEntries(event("user:alice").getData())
                      .build()));
      refused(
          Status.Code.UNAUTHENTICATED,
          () -> stub(server, "tlog_not-a-real-token").append(event("user:alice")));
      assertEquals(0, size(anonymous), "nothing appended without a credential; reads are public");

      AppendResponse ok = stub(server, alice).append(event("user:alice"));
      assertTrue(ok.getIndex() >= 0);
      stub(server, ci).append(event("service:ci-nightly"));

      StatusRuntimeException denied =
          refused(
              Status.Code.PERMISSION_DENIED, () -> stub(server, alice).append(event("user:bob")));
      String msg = denied.getStatus().getDescription();
      assertTrue(msg.contains("user:bob") && msg.contains("user:alice"), msg);
      long before = size(anonymous);
      refused(
          Status.Code.PERMISSION_DENIED,
          () ->
              stub(server, alice)
                  .appendBatch(
                      AppendBatchRequest.newBuilder()
                          .addEntries(event("user:alice").getData())
                          .addEntries(event("user:mallory").getData())
                          .build()));
      assertEquals(before, size(anonymous), "a batch with one foreign actor is refused whole");
    }
  }

  @Test
  void appendStreamWithoutATokenIsRefusedBeforeAnyEntry() throws Exception {
    addToken("user:alice");
    try (LogServer server =
        LogServer.start(ledger(SecuritySettings.none().withAuthFile(authFile(), false)))) {
      ManagedChannel ch =
          NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
      channels.add(ch);
      CompletableFuture<Throwable> ended = new CompletableFuture<>();
      StreamObserver<AppendRequest> in =
          LogServiceGrpc.newStub(ch)
              .appendStream(
                  new StreamObserver<>() {
                    @Override
                    public void onNext(AppendResponse value) {
                      ended.completeExceptionally(new AssertionError("acknowledged " + value));
                    }

                    @Override
                    public void onError(Throwable t) {
                      ended.complete(t);
                    }

                    @Override
                    public void onCompleted() {
                      ended.completeExceptionally(new AssertionError("completed"));
                    }
                  });
      in.onNext(event("user:alice"));
      in.onCompleted();
      assertEquals(
          Status.Code.UNAUTHENTICATED,
          Status.fromThrowable(ended.get(10, TimeUnit.SECONDS)).getCode());
      assertEquals(0, size(stub(server, null)));
    }
  }

  @Test
  void opaqueLogsLetAnyValidCredentialAppend() throws Exception {
    String ci = addToken("service:ci-*");
    ServerConfig opaque =
        TestLog.config(dir.resolve("data"))
            .withSecurity(SecuritySettings.none().withAuthFile(authFile(), false));
    try (LogServer server = LogServer.start(opaque)) {
      AppendRequest bytes =
          AppendRequest.newBuilder().setData(ByteString.copyFromUtf8("not an event")).build();
      refused(Status.Code.UNAUTHENTICATED, () -> stub(server, null).append(bytes));
      assertEquals(0, stub(server, ci).append(bytes).getIndex());
    }
  }

  @Test
  void aTokenRemovedFromTheFileStopsWorkingWithoutARestart() throws Exception {
    String alice = addToken("user:alice");
    String bob = addToken("user:bob");
    try (LogServer server =
        LogServer.start(ledger(SecuritySettings.none().withAuthFile(authFile(), false)))) {
      stub(server, alice).append(event("user:alice"));
      stub(server, bob).append(event("user:bob"));

      // Revoke alice the safe way: write the new file beside it, then rename over it.
      String aliceLine = Credentials.hashLine(alice);
      List<String> kept =
          Files.readAllLines(authFile()).stream().filter(l -> !l.startsWith(aliceLine)).toList();
      assertEquals(1, kept.size());
      Path next = dir.resolve("auth.new");
      Files.write(next, kept);
      Files.move(
          next, authFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

      StatusRuntimeException e =
          refused(
              Status.Code.UNAUTHENTICATED, () -> stub(server, alice).append(event("user:alice")));
      assertTrue(e.getStatus().getDescription().contains("revoked"), e.getStatus().toString());
      stub(server, bob).append(event("user:bob"));
    }
  }

  @Test
  void aBrokenAuthFileFailsClosedUntilFixed() throws Exception {
    String alice = addToken("user:alice");
    String good = Files.readString(authFile());
    try (LogServer server =
        LogServer.start(ledger(SecuritySettings.none().withAuthFile(authFile(), false)))) {
      replace(good + "this line is not a credential\n");
      StatusRuntimeException e =
          refused(Status.Code.UNAVAILABLE, () -> stub(server, alice).append(event("user:alice")));
      assertTrue(e.getStatus().getDescription().contains("auth file"), e.getStatus().toString());
      assertEquals(0, size(stub(server, null)), "reads without a credential stay public");
      replace(good);
      stub(server, alice).append(event("user:alice"));
    }
  }

  /** Replaces the auth file atomically, as spec/security.md says to. */
  private void replace(String text) throws Exception {
    Path next = dir.resolve("auth.new");
    Files.writeString(next, text);
    Files.move(
        next, authFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void aCredentialOverItsRateLimitGetsResourceExhaustedWithARetryTrailer() throws Exception {
    String alice = addToken("user:alice");
    String bob = addToken("user:bob");
    ServerConfig c =
        ledger(
            SecuritySettings.none()
                .withAuthFile(authFile(), false)
                .withRateLimit(new RateLimit(1)));
    try (LogServer server = LogServer.start(c)) {
      LogServiceBlockingStub a = stub(server, alice);
      StatusRuntimeException limited = null;
      // A bucket of 1 refills at 1/s: 50 requests run it dry unless they take 49 s.
      for (int i = 0; i < 50 && limited == null; i++) {
        try {
          a.append(event("user:alice"));
        } catch (StatusRuntimeException e) {
          limited = e;
        }
      }
      assertNotNull(limited, "50 requests at 1/s never hit the limit");
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, limited.getStatus().getCode());
      String retry = limited.getTrailers().get(GrpcErrors.RETRY_AFTER_MS);
      assertNotNull(retry, "tlog-retry-after-ms trailer");
      assertTrue(Long.parseLong(retry) > 0, retry);
      stub(server, bob).append(event("user:bob"));
    }
  }

  @Test
  void eachAppendStreamMessageIsChargedToTheCredential() throws Exception {
    String alice = addToken("user:alice");
    ServerConfig c =
        ledger(
            SecuritySettings.none()
                .withAuthFile(authFile(), false)
                .withRateLimit(new RateLimit(1)));
    try (LogServer server = LogServer.start(c)) {
      ManagedChannel ch =
          NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
      channels.add(ch);
      CompletableFuture<Throwable> ended = new CompletableFuture<>();
      List<AppendResponse> acks = new ArrayList<>();
      StreamObserver<AppendRequest> in =
          withToken(LogServiceGrpc.newStub(ch), alice)
              .appendStream(
                  new StreamObserver<>() {
                    @Override
                    public void onNext(AppendResponse value) {
                      synchronized (acks) {
                        acks.add(value);
                      }
                    }

                    @Override
                    public void onError(Throwable t) {
                      ended.complete(t);
                    }

                    @Override
                    public void onCompleted() {
                      ended.complete(null);
                    }
                  });
      for (int i = 0; i < 50; i++) {
        in.onNext(event("user:alice"));
      }
      in.onCompleted();
      Throwable t = ended.get(30, TimeUnit.SECONDS);
      assertNotNull(t, "50 stream messages at 1/s never hit the limit");
      StatusRuntimeException e = (StatusRuntimeException) t;
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
      assertNotNull(e.getTrailers().get(GrpcErrors.RETRY_AFTER_MS));
      synchronized (acks) {
        assertTrue(acks.size() >= 1 && acks.size() < 50, "acknowledged " + acks.size());
      }
    }
  }

  @Test
  void aClientCertificateListedInTheFileIsAnIdentity() throws Exception {
    TestPki ca = TestPki.create(dir.resolve("pki"), "test-ca");
    Path[] serverCert = ca.issue("log-server", true);
    Path[] laptop = ca.issue("alice laptop", false);
    Path[] unlisted = ca.issue("somebody", false);
    Files.writeString(authFile(), "# mTLS\ncert:alice laptop user:alice\n");
    SecuritySettings s =
        SecuritySettings.none()
            .withTls(new TlsFiles(serverCert[0], serverCert[1]))
            .withClientCa(ca.caFile())
            .withAuthFile(authFile(), false);
    try (LogServer server = LogServer.start(ledger(s))) {
      ManagedChannel mtls = TestPki.channel(server.grpcPort(), ca.caFile(), laptop);
      ManagedChannel other = TestPki.channel(server.grpcPort(), ca.caFile(), unlisted);
      ManagedChannel none = TestPki.channel(server.grpcPort(), ca.caFile(), null);
      channels.addAll(List.of(mtls, other, none));
      LogServiceGrpc.newBlockingStub(mtls).append(event("user:alice"));
      refused(
          Status.Code.PERMISSION_DENIED,
          () -> LogServiceGrpc.newBlockingStub(mtls).append(event("user:bob")));
      refused(
          Status.Code.UNAUTHENTICATED,
          () -> LogServiceGrpc.newBlockingStub(other).append(event("user:alice")));
      refused(
          Status.Code.UNAUTHENTICATED,
          () -> LogServiceGrpc.newBlockingStub(none).append(event("user:alice")));
      assertTrue(size(LogServiceGrpc.newBlockingStub(none)) > 0, "reads stay public");
    }
  }

  @Test
  void readsArePublicByDefaultAndProtectedWithAuthReads() throws Exception {
    String reader = addToken("user:auditor");
    try (LogServer server =
        LogServer.start(ledger(SecuritySettings.none().withAuthFile(authFile(), true)))) {
      refused(Status.Code.UNAUTHENTICATED, () -> size(stub(server, null)));
      assertEquals(0, size(stub(server, reader)));

      HttpClient http = HttpClient.newHttpClient();
      URI cp = URI.create("http://127.0.0.1:" + server.httpPort() + "/checkpoint");
      HttpResponse<String> anon =
          http.send(HttpRequest.newBuilder(cp).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(401, anon.statusCode());
      assertEquals("Bearer", anon.headers().firstValue("WWW-Authenticate").orElse(""));
      HttpResponse<String> ok =
          http.send(
              HttpRequest.newBuilder(cp).header("Authorization", "Bearer " + reader).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ok.statusCode());
      HttpResponse<String> vkey =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/vkey"))
                  .header("Authorization", "Bearer " + reader)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertFalse(
          vkey.headers().firstValue("Cache-Control").orElse("").contains("public"),
          "protected answers are not for shared caches");
    }
  }
}
