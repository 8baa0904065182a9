package dev.tlog.server;

import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.server.admission.Admission;
import dev.tlog.server.admission.EventAdmission;
import dev.tlog.server.api.explorer.ExplorerRoutes;
import dev.tlog.server.api.grpc.CallAuthentication;
import dev.tlog.server.api.grpc.CheckpointWatchers;
import dev.tlog.server.api.grpc.LedgerGrpcService;
import dev.tlog.server.api.grpc.LogGrpcService;
import dev.tlog.server.api.grpc.MalformedMessages;
import dev.tlog.server.api.http.TileHttpApi;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.checkpoint.CheckpointSigner;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.dedup.LeafIndex;
import dev.tlog.server.errors.LogClosedException;
import dev.tlog.server.errors.WrongModeException;
import dev.tlog.server.evidence.EvidenceAppender;
import dev.tlog.server.evidence.EvidenceScheduler;
import dev.tlog.server.evidence.run.BuiltinCollector;
import dev.tlog.server.evidence.run.CommandCollector;
import dev.tlog.server.evidence.run.FilesCollector;
import dev.tlog.server.evidence.run.HttpCollector;
import dev.tlog.server.health.LogReadiness;
import dev.tlog.server.integrate.Integrator;
import dev.tlog.server.integrate.ReceiveClock;
import dev.tlog.server.keys.LogKeyFile;
import dev.tlog.server.ledger.Ledger;
import dev.tlog.server.metrics.GrpcCallMetrics;
import dev.tlog.server.metrics.LogMetrics;
import dev.tlog.server.publish.TilePublisher;
import dev.tlog.server.publish.s3.S3ObjectStore;
import dev.tlog.server.read.LogReads;
import dev.tlog.server.security.SecuritySettings;
import dev.tlog.server.security.auth.AppendGate;
import dev.tlog.server.security.auth.Authenticator;
import dev.tlog.server.security.auth.CredentialsFile;
import dev.tlog.server.security.auth.RateLimiter;
import dev.tlog.server.security.tls.ListenerTls;
import dev.tlog.server.security.tls.PlaintextPolicy;
import dev.tlog.server.sequencer.BatchWriter;
import dev.tlog.server.sequencer.Failpoint;
import dev.tlog.server.sequencer.Sequencer;
import dev.tlog.server.startup.StartupVerifier;
import dev.tlog.server.storage.DataDirLock;
import dev.tlog.server.storage.LogMode;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.lmdb.LmdbLogStorage;
import dev.tlog.server.witnessing.PublishedCheckpoints;
import dev.tlog.server.witnessing.Witness;
import dev.tlog.server.witnessing.Witnessing;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A running log: storage, verified state, a ledger log's index and queries, sequencer, witnessing,
 * gRPC and HTTP listeners, wired by constructor. {@link #close()} stops accepting, lets in-flight
 * batches finish and be acknowledged, then closes LMDB.
 */
public final class LogServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LogServer.class.getName());

  private final DataDirLock lock;
  private final Ed25519NoteSigner key;
  private final LmdbLogStorage storage;
  private final CheckpointFeed signed;
  private final CheckpointFeed published;
  private final Sequencer sequencer;
  // Null for an opaque log.
  private final Ledger ledger;
  private final Witnessing witnessing;
  private final CheckpointWatchers watchers;
  private final Server grpc;
  private final Vertx vertx;
  private final HttpServer http;
  // Null unless collectors are configured.
  private final EvidenceScheduler evidence;
  // Null unless a bucket is configured.
  private final TilePublisher publisher;
  // Empty while the log is open.
  private final OptionalLong closedAt;
  private BuiltinCollector evidenceBuiltins;

  /** What to close, newest first, if startup fails half-way. */
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  private LogServer(ServerConfig config, ServerOps ops, Failpoint failpoint) throws IOException {
    // Before anything is opened: a refused listener must not leave a half-started server.
    PlaintextPolicy.check(config.bindHost(), config.security());
    this.lock = DataDirLock.acquire(config.dataDir());
    opened.push(lock);
    try {
      // After the lock, before anything else is written: the key decides which log this is.
      Path logDir = config.dataDir().resolve("log");
      this.key =
          LogKeyFile.loadOrCreate(
              config.keyFile(), config.origin(), LmdbLogStorage.exists(logDir), new SecureRandom());
      this.storage =
          LmdbLogStorage.open(
              logDir, config.origin(), config.ledger().mode(), config.initialMapSize());
    } catch (RuntimeException e) {
      closeOpened();
      throw e;
    }
    opened.push(storage);
    try {
      NoteVerifier verifier = VerifierKeys.parse(key.verifierKey());
      CheckpointSigner signer = new CheckpointSigner(config.origin(), key);
      SignedCheckpoint current =
          new StartupVerifier(
                  storage, signer, verifier, line -> LOG.log(System.Logger.Level.INFO, line))
              .verify(config.verifyMode());
      LeafIndex leafIndex = new LeafIndex();
      try (LogReader r = storage.reader()) {
        leafIndex.rebuild(r);
      }
      this.signed = new CheckpointFeed();
      signed.publish(current);
      boolean isLedger = storage.mode() == LogMode.LEDGER;
      // Before any listener runs, so nothing is appending; a log closed before stays closed.
      this.closedAt = config.close() ? OptionalLong.of(storage.markClosed()) : storage.closedAt();
      if (closedAt.isPresent() && config.collectors().isPresent()) {
        throw new LogClosedException(
            "--collectors cannot run on a closed log: it accepts no more events (log closed at"
                + " size "
                + closedAt.getAsLong()
                + ")");
      }
      if (!isLedger && config.collectors().isPresent()) {
        throw new WrongModeException(
            "--collectors needs a ledger log: this log is opaque, and evidence is recorded as"
                + " ledger events (spec/compliance.md)");
      }
      this.ledger = isLedger ? Ledger.start(config.dataDir(), storage, signed) : null;
      if (this.ledger != null) {
        opened.push(this.ledger);
      }
      LogMetrics metrics = new LogMetrics(ops.registry());
      metrics.observeStorage(storage);
      metrics.observeClosed(closedAt.isPresent());
      BatchWriter writer = new BatchWriter(storage, current, signed::publish, metrics, failpoint);
      Integrator integrator =
          new Integrator(
              storage,
              signer,
              leafIndex,
              config.dedup(),
              writer::durableSize,
              isLedger ? new ReceiveClock(() -> nanos(config.clock())) : null,
              current);
      this.sequencer = new Sequencer(integrator, writer, config.sequencerLimits());
      opened.push(sequencer);
      LogReads reads = new LogReads(storage, signed, leafIndex, config.maxEntriesPerPage());
      if (config.witnesses().enabled()) {
        Optional<SignedCheckpoint> cosigned =
            PublishedCheckpoints.storedCosigned(storage, config.origin(), verifier);
        this.published = PublishedCheckpoints.startingAt(cosigned.orElse(current));
        this.witnessing =
            new Witnessing(
                config.witnesses(),
                reads,
                storage,
                signed,
                published,
                cosigned.map(SignedCheckpoint::size).orElse(-1L),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5));
        opened.push(witnessing);
      } else {
        this.published = signed;
        this.witnessing = null;
      }
      metrics.observeLog(sequencer, signed, published);
      if (witnessing != null) {
        metrics.observeWitnesses(
            witnessing,
            signed,
            config.witnesses().witnesses().stream().map(Witness::name).toList());
      }
      LogReadiness readiness =
          new LogReadiness(
              storage,
              Optional.of(key.verifierKey()),
              sequencer,
              config.sequencerLimits().queueCapacity(),
              signed,
              published,
              witnessing != null,
              ops.stallAfter(),
              ops.witnessLagAfter());
      this.watchers = CheckpointWatchers.start(published, config.maxWatchers());
      opened.push(watchers);
      if (config.publish().isPresent()) {
        S3ObjectStore bucket = S3ObjectStore.open(config.publish().get());
        opened.push(bucket);
        // From here on the publisher owns the bucket client and closes it.
        this.publisher =
            TilePublisher.start(
                storage,
                reads,
                published,
                bucket,
                config.origin(),
                verifier,
                Duration.ofSeconds(1));
        opened.push(publisher);
        metrics.observePublisher(publisher);
      } else {
        this.publisher = null;
      }
      Admission admission =
          closedAt.isPresent()
              ? Admission.closed(config.origin(), closedAt.getAsLong())
              : admission(config, isLedger);
      SecuritySettings security = config.security();
      Optional<Authenticator> authenticator =
          security.authFile().map(f -> new Authenticator(CredentialsFile.open(f)));
      AppendGate gate =
          authenticator.isEmpty()
              ? AppendGate.open()
              : AppendGate.authenticated(
                  security.rateLimit().map(l -> new RateLimiter(l, System::nanoTime)));
      MalformedMessages malformed = new MalformedMessages();
      // intercept() runs the last in the list first: the metrics see every call, those the
      // authentication refuses included.
      List<ServerInterceptor> interceptors = new ArrayList<>();
      authenticator.ifPresent(
          a -> interceptors.add(new CallAuthentication(a, security.authReads())));
      interceptors.add(new GrpcCallMetrics(ops.registry()));
      this.grpc =
          NettyServerBuilder.forAddress(
                  new InetSocketAddress(config.bindHost(), config.grpcPort()),
                  ListenerTls.grpc(security))
              .addService(
                  ServerInterceptors.intercept(
                      malformed.guard(
                          new LogGrpcService(admission, gate, sequencer, reads, published, watchers)
                              .bindService()),
                      interceptors))
              .addService(
                  ServerInterceptors.intercept(
                      malformed.guard(
                          (this.ledger != null
                                  ? LedgerGrpcService.of(this.ledger)
                                  : LedgerGrpcService.notALedger())
                              .bindService()),
                      interceptors))
              // Per-connection limits (spec/api.md, "Limits"): one client cannot hold more than
              // this many calls, nor keep a dead or ping-flooding connection.
              .maxConcurrentCallsPerConnection(config.grpc().maxConcurrentCallsPerConnection())
              .permitKeepAliveTime(
                  config.grpc().permitKeepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
              .keepAliveTime(config.grpc().keepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
              .keepAliveTimeout(config.grpc().keepAliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
              .maxConnectionIdle(
                  config.grpc().maxConnectionIdle().toMillis(), TimeUnit.MILLISECONDS)
              .maxInboundMessageSize(
                  config.appendLimits().maxBatchEntries()
                          * (config.appendLimits().maxEntryBytes() + 16)
                      + 1024)
              .build()
              .start();
      opened.push(grpc::shutdownNow);
      this.vertx = Vertx.vertx();
      opened.push(vertx::close);
      this.http =
          new TileHttpApi(
                  vertx,
                  reads,
                  published,
                  storage,
                  key.verifierKey(),
                  config.http(),
                  new TileHttpApi.Ops(metrics, ops.registry(), readiness.readiness()))
              .withRoutes(
                  ExplorerRoutes.of(
                          reads,
                          storage,
                          signed,
                          published,
                          key.verifierKey(),
                          config.witnesses(),
                          Optional.ofNullable(witnessing),
                          Optional.ofNullable(ledger))
                      ::mount)
              .listen(
                  config.bindHost(),
                  config.httpPort(),
                  ListenerTls.http(security),
                  security.authReads() ? authenticator : Optional.empty())
              .toCompletionStage()
              .toCompletableFuture()
              .get();
      this.evidence =
          config.collectors().isEmpty()
              ? null
              : startEvidence(config, admission, config.collectors().get());
    } catch (ExecutionException e) {
      closeOpened();
      throw new IOException(
          "cannot start HTTP listener: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeOpened();
      throw new IOException("interrupted while starting", e);
    } catch (RuntimeException | IOException e) {
      closeOpened();
      throw e;
    }
  }

  /** Collectors run last: the log they append to is fully up. */
  private EvidenceScheduler startEvidence(
      ServerConfig config,
      Admission admission,
      dev.tlog.server.evidence.config.CollectorsConfig collectors) {
    BuiltinCollector builtin =
        new BuiltinCollector(
            published, config.clock(), ledger::indexCovered, Optional.ofNullable(witnessing));
    opened.push(builtin);
    this.evidenceBuiltins = builtin;
    EvidenceScheduler s =
        new EvidenceScheduler(
            collectors,
            config.clock(),
            ledger.queries(),
            new EvidenceAppender(admission, sequencer),
            Map.of(
                "command", new CommandCollector(),
                "files", new FilesCollector(),
                "http", new HttpCollector(),
                "builtin", builtin));
    opened.push(s);
    return s.start();
  }

  private static Admission admission(ServerConfig config, boolean ledger) {
    if (!ledger) {
      return Admission.opaque(config.appendLimits());
    }
    return new EventAdmission(
        config.appendLimits(),
        () -> nanos(config.clock()),
        config.ledger().eventMaxFuture(),
        config.ledger().eventMaxAge());
  }

  private static long nanos(InstantSource clock) {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** The size the log was closed at (its final checkpoint's), or empty while it is open. */
  public OptionalLong closedAt() {
    return closedAt;
  }

  /** The mode the log was created in. */
  public LogMode mode() {
    return storage.mode();
  }

  /** Opens storage, verifies it, and starts both listeners. */
  public static LogServer start(ServerConfig config) throws IOException {
    return new LogServer(config, ServerOps.defaults(), Failpoint.NONE);
  }

  /** As {@link #start(ServerConfig)}, reporting through {@code ops} (metrics, readiness). */
  public static LogServer start(ServerConfig config, ServerOps ops) throws IOException {
    return new LogServer(config, ops, Failpoint.NONE);
  }

  /** As {@link #start(ServerConfig)}, crashing the process at {@code failpoint} (crash tests). */
  public static LogServer start(ServerConfig config, Failpoint failpoint) throws IOException {
    return new LogServer(config, ServerOps.defaults(), failpoint);
  }

  private void closeOpened() {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "error while closing after failed start", e);
      }
    }
  }

  public int grpcPort() {
    return grpc.getPort();
  }

  public int httpPort() {
    return http.actualPort();
  }

  /** The log's verifier key in note vkey format. */
  public String verifierKey() {
    return key.verifierKey();
  }

  public String origin() {
    return storage.origin();
  }

  /** Every checkpoint the log signs, as soon as it is durable. */
  public CheckpointFeed signedCheckpoints() {
    return signed;
  }

  /** Checkpoints as published (with witness cosignatures, when witnesses are configured). */
  public CheckpointFeed publishedCheckpoints() {
    return published;
  }

  /** The evidence collectors' scheduler, when collectors are configured. */
  public Optional<EvidenceScheduler> evidence() {
    return Optional.ofNullable(evidence);
  }

  /** The publisher to object storage, when a bucket is configured (spec/scaling.md). */
  public Optional<TilePublisher> publisher() {
    return Optional.ofNullable(publisher);
  }

  /** The witnessing state, when witnesses are configured. */
  public Optional<Witnessing> witnessing() {
    return Optional.ofNullable(witnessing);
  }

  @Override
  public void close() {
    LOG.log(System.Logger.Level.INFO, "stopping: finishing in-flight batches");
    if (evidence != null) {
      // Before the sequencer closes: running collections are killed, nothing half-recorded.
      evidence.close();
      evidenceBuiltins.close();
    }
    grpc.shutdown();
    sequencer.close();
    if (witnessing != null) {
      witnessing.close();
    }
    try {
      if (!grpc.awaitTermination(5, TimeUnit.SECONDS)) {
        grpc.shutdownNow();
      }
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "error while stopping listeners", e);
    }
    watchers.close();
    if (publisher != null) {
      // After the sequencer: the last acknowledged batch's checkpoint may still reach the bucket.
      publisher.close();
    }
    if (ledger != null) {
      ledger.close();
    }
    storage.close();
    lock.close();
    LOG.log(System.Logger.Level.INFO, "stopped");
  }
}
