package dev.tlog.server;

import dev.tlog.server.admission.AppendLimits;
import dev.tlog.server.api.grpc.GrpcLimits;
import dev.tlog.server.api.http.HttpLimits;
import dev.tlog.server.evidence.config.CollectorsConfig;
import dev.tlog.server.security.SecuritySettings;
import dev.tlog.server.sequencer.SequencerLimits;
import dev.tlog.server.startup.StartupVerifier;
import dev.tlog.server.witnessing.WitnessPolicy;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Everything the server is configured with. Ports may be 0 (pick a free port; tests use this).
 *
 * @param dataDir directory holding the LMDB environment ({@code log/}) and, by default, the key
 * @param keyFile the log's private key file (generated on first run)
 * @param origin the log's origin line and key name
 * @param bindHost address both listeners bind to
 * @param witnesses witnesses to gather cosignatures from before publishing ({@link
 *     WitnessPolicy#none()} for none)
 * @param dedup whether an entry whose bytes are already in the log is answered with its existing
 *     index instead of being appended again (spec/api.md, "Duplicates and retries")
 * @param ledger the log's mode and event-time limits (spec/ledger.md)
 * @param maxWatchers most WatchCheckpoints calls open at once (spec/api.md, "Limits")
 * @param clock the log's clock: receive times, event-time limits and evidence schedules (tests
 *     inject one that they move)
 * @param collectors the evidence collectors to run ({@code --collectors FILE}; ledger logs only),
 *     or empty when none were configured
 * @param http connection limits and timeouts of the HTTP listener (spec/api.md, "Limits")
 * @param security TLS, credentials and rate limits of the listeners (spec/security.md)
 * @param grpc per-connection limits of the gRPC listener: concurrent calls, keepalive, idle time
 *     (spec/api.md, "Limits")
 */
public record ServerConfig(
    Path dataDir,
    Path keyFile,
    String origin,
    String bindHost,
    int grpcPort,
    int httpPort,
    long initialMapSize,
    AppendLimits appendLimits,
    SequencerLimits sequencerLimits,
    int maxEntriesPerPage,
    StartupVerifier.Mode verifyMode,
    WitnessPolicy witnesses,
    boolean dedup,
    LedgerSettings ledger,
    int maxWatchers,
    InstantSource clock,
    Optional<CollectorsConfig> collectors,
    HttpLimits http,
    SecuritySettings security,
    GrpcLimits grpc) {

  /** This configuration with {@code clock} as the log's clock. */
  public ServerConfig withClock(InstantSource clock) {
    return new ServerConfig(
        dataDir,
        keyFile,
        origin,
        bindHost,
        grpcPort,
        httpPort,
        initialMapSize,
        appendLimits,
        sequencerLimits,
        maxEntriesPerPage,
        verifyMode,
        witnesses,
        dedup,
        ledger,
        maxWatchers,
        clock,
        collectors,
        http,
        security,
        grpc);
  }

  /** This configuration allowing at most {@code maxWatchers} WatchCheckpoints calls at once. */
  public ServerConfig withMaxWatchers(int maxWatchers) {
    return new ServerConfig(
        dataDir,
        keyFile,
        origin,
        bindHost,
        grpcPort,
        httpPort,
        initialMapSize,
        appendLimits,
        sequencerLimits,
        maxEntriesPerPage,
        verifyMode,
        witnesses,
        dedup,
        ledger,
        maxWatchers,
        clock,
        collectors,
        http,
        security,
        grpc);
  }

  /** This configuration running {@code collectors} (spec/compliance.md). */
  public ServerConfig withCollectors(CollectorsConfig collectors) {
    return new ServerConfig(
        dataDir,
        keyFile,
        origin,
        bindHost,
        grpcPort,
        httpPort,
        initialMapSize,
        appendLimits,
        sequencerLimits,
        maxEntriesPerPage,
        verifyMode,
        witnesses,
        dedup,
        ledger,
        maxWatchers,
        clock,
        Optional.of(collectors),
        http,
        security,
        grpc);
  }

  /** This configuration with {@code http} as the HTTP listener's limits. */
  public ServerConfig withHttpLimits(HttpLimits http) {
    return new ServerConfig(
        dataDir,
        keyFile,
        origin,
        bindHost,
        grpcPort,
        httpPort,
        initialMapSize,
        appendLimits,
        sequencerLimits,
        maxEntriesPerPage,
        verifyMode,
        witnesses,
        dedup,
        ledger,
        maxWatchers,
        clock,
        collectors,
        http,
        security,
        grpc);
  }

  /** This configuration with the listeners protected as {@code security} says. */
  public ServerConfig withSecurity(SecuritySettings security) {
    return new ServerConfig(
        dataDir,
        keyFile,
        origin,
        bindHost,
        grpcPort,
        httpPort,
        initialMapSize,
        appendLimits,
        sequencerLimits,
        maxEntriesPerPage,
        verifyMode,
        witnesses,
        dedup,
        ledger,
        maxWatchers,
        clock,
        collectors,
        http,
        security,
        grpc);
  }

  /** This configuration with {@code grpc} as the gRPC listener's per-connection limits. */
  public ServerConfig withGrpcLimits(GrpcLimits grpc) {
    return new ServerConfig(
        dataDir,
        keyFile,
        origin,
        bindHost,
        grpcPort,
        httpPort,
        initialMapSize,
        appendLimits,
        sequencerLimits,
        maxEntriesPerPage,
        verifyMode,
        witnesses,
        dedup,
        ledger,
        maxWatchers,
        clock,
        collectors,
        http,
        security,
        grpc);
  }
}
