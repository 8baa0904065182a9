package dev.tlog.server;

import dev.tlog.runtime.http.HttpLimits;
import dev.tlog.server.admission.AppendLimits;
import dev.tlog.server.api.grpc.GrpcLimits;
import dev.tlog.server.evidence.config.CollectorsConfig;
import dev.tlog.server.publish.s3.S3Settings;
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
 * @param publish the S3-compatible bucket the log's tiles and checkpoints are published to
 *     (spec/scaling.md), or empty
 * @param grpc per-connection limits of the gRPC listener: concurrent calls, keepalive, idle time
 *     (spec/api.md, "Limits")
 * @param close close the log at start, for good: its checkpoint for the stored size becomes its
 *     final one and appends are refused (spec/scaling.md, "Closing a log"); a log closed before
 *     stays closed whatever this says
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
    Optional<S3Settings> publish,
    GrpcLimits grpc,
    boolean close) {
  /** This configuration with {@code clock} as the log's clock. */
  public ServerConfig withClock(InstantSource clock) {
    return toBuilder().clock(clock).build();
  }

  /** This configuration allowing at most {@code maxWatchers} WatchCheckpoints calls at once. */
  public ServerConfig withMaxWatchers(int maxWatchers) {
    return toBuilder().maxWatchers(maxWatchers).build();
  }

  /** This configuration running {@code collectors} (spec/compliance.md). */
  public ServerConfig withCollectors(CollectorsConfig collectors) {
    return toBuilder().collectors(Optional.of(collectors)).build();
  }

  /** This configuration with {@code http} as the HTTP listener's limits. */
  public ServerConfig withHttpLimits(HttpLimits http) {
    return toBuilder().http(http).build();
  }

  /** This configuration with the listeners protected as {@code security} says. */
  public ServerConfig withSecurity(SecuritySettings security) {
    return toBuilder().security(security).build();
  }

  /** This configuration publishing its tiles to {@code bucket} (spec/scaling.md). */
  public ServerConfig withPublishing(S3Settings bucket) {
    return toBuilder().publish(Optional.of(bucket)).build();
  }

  /** This configuration with {@code grpc} as the gRPC listener's per-connection limits. */
  public ServerConfig withGrpcLimits(GrpcLimits grpc) {
    return toBuilder().grpc(grpc).build();
  }

  /** This configuration closing the log at start (spec/scaling.md, "Closing a log"). */
  public ServerConfig closing() {
    return toBuilder().close(true).build();
  }

  /** A builder holding this configuration's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some components of a configuration; every component starts as the original's. */
  public static final class Builder {
    private Path dataDir;
    private Path keyFile;
    private String origin;
    private String bindHost;
    private int grpcPort;
    private int httpPort;
    private long initialMapSize;
    private AppendLimits appendLimits;
    private SequencerLimits sequencerLimits;
    private int maxEntriesPerPage;
    private StartupVerifier.Mode verifyMode;
    private WitnessPolicy witnesses;
    private boolean dedup;
    private LedgerSettings ledger;
    private int maxWatchers;
    private InstantSource clock;
    private Optional<CollectorsConfig> collectors;
    private HttpLimits http;
    private SecuritySettings security;
    private Optional<S3Settings> publish;
    private GrpcLimits grpc;
    private boolean close;

    private Builder(ServerConfig c) {
      this.dataDir = c.dataDir;
      this.keyFile = c.keyFile;
      this.origin = c.origin;
      this.bindHost = c.bindHost;
      this.grpcPort = c.grpcPort;
      this.httpPort = c.httpPort;
      this.initialMapSize = c.initialMapSize;
      this.appendLimits = c.appendLimits;
      this.sequencerLimits = c.sequencerLimits;
      this.maxEntriesPerPage = c.maxEntriesPerPage;
      this.verifyMode = c.verifyMode;
      this.witnesses = c.witnesses;
      this.dedup = c.dedup;
      this.ledger = c.ledger;
      this.maxWatchers = c.maxWatchers;
      this.clock = c.clock;
      this.collectors = c.collectors;
      this.http = c.http;
      this.security = c.security;
      this.publish = c.publish;
      this.grpc = c.grpc;
      this.close = c.close;
    }

    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder keyFile(Path keyFile) {
      this.keyFile = keyFile;
      return this;
    }

    public Builder origin(String origin) {
      this.origin = origin;
      return this;
    }

    public Builder bindHost(String bindHost) {
      this.bindHost = bindHost;
      return this;
    }

    public Builder grpcPort(int grpcPort) {
      this.grpcPort = grpcPort;
      return this;
    }

    public Builder httpPort(int httpPort) {
      this.httpPort = httpPort;
      return this;
    }

    public Builder initialMapSize(long initialMapSize) {
      this.initialMapSize = initialMapSize;
      return this;
    }

    public Builder appendLimits(AppendLimits appendLimits) {
      this.appendLimits = appendLimits;
      return this;
    }

    public Builder sequencerLimits(SequencerLimits sequencerLimits) {
      this.sequencerLimits = sequencerLimits;
      return this;
    }

    public Builder maxEntriesPerPage(int maxEntriesPerPage) {
      this.maxEntriesPerPage = maxEntriesPerPage;
      return this;
    }

    public Builder verifyMode(StartupVerifier.Mode verifyMode) {
      this.verifyMode = verifyMode;
      return this;
    }

    public Builder witnesses(WitnessPolicy witnesses) {
      this.witnesses = witnesses;
      return this;
    }

    public Builder dedup(boolean dedup) {
      this.dedup = dedup;
      return this;
    }

    public Builder ledger(LedgerSettings ledger) {
      this.ledger = ledger;
      return this;
    }

    public Builder maxWatchers(int maxWatchers) {
      this.maxWatchers = maxWatchers;
      return this;
    }

    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    public Builder collectors(Optional<CollectorsConfig> collectors) {
      this.collectors = collectors;
      return this;
    }

    public Builder http(HttpLimits http) {
      this.http = http;
      return this;
    }

    public Builder security(SecuritySettings security) {
      this.security = security;
      return this;
    }

    public Builder publish(Optional<S3Settings> publish) {
      this.publish = publish;
      return this;
    }

    public Builder grpc(GrpcLimits grpc) {
      this.grpc = grpc;
      return this;
    }

    public Builder close(boolean close) {
      this.close = close;
      return this;
    }

    public ServerConfig build() {
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
          publish,
          grpc,
          close);
    }
  }
}
