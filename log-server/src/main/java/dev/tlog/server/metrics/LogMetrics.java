package dev.tlog.server.metrics;

import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.publish.TilePublisher;
import dev.tlog.server.sequencer.BatchObserver;
import dev.tlog.server.sequencer.Sequencer;
import dev.tlog.server.storage.lmdb.LmdbLogStorage;
import dev.tlog.server.witnessing.Witnessing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The log server's own meters (spec/api.md, "Metrics"), registered on the registry the wiring
 * passes in. Counters and timers are fed by the parts that do the work (the writer through {@link
 * BatchObserver}, the tiles API through {@link #tileServed}, gRPC through {@link GrpcCallMetrics});
 * gauges read the live state when scraped.
 *
 * <p>Threading: every method may be called from any thread.
 */
public final class LogMetrics implements BatchObserver {
  private final MeterRegistry registry;
  private final Counter appendedEntries;
  private final DistributionSummary batchEntries;
  private final Timer batchCommit;
  private final Timer lmdbCommit;
  private final Counter hashTiles;
  private final Counter entryBundles;
  // Monotonic: a test's or an operator's wall clock may stand still or jump.
  private volatile long lastSignedNanos = System.nanoTime();

  public LogMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.appendedEntries =
        Counter.builder("tlog.appended.entries")
            .description("New leaves made durable (duplicates answered from the log not counted)")
            .register(registry);
    this.batchEntries =
        DistributionSummary.builder("tlog.batch.entries")
            .description("New leaves per committed batch")
            .serviceLevelObjectives(1, 4, 16, 64, 256, 1024, 4096)
            .register(registry);
    this.batchCommit =
        Timer.builder("tlog.batch.commit")
            .description("Time to write one batch to LMDB, durable commit included")
            .publishPercentileHistogram()
            .register(registry);
    this.lmdbCommit =
        Timer.builder("tlog.lmdb.commit")
            .description("Time in LMDB's commit of a write transaction (page writes and fsync)")
            .publishPercentileHistogram()
            .register(registry);
    this.hashTiles = tiles("hash");
    this.entryBundles = tiles("entries");
  }

  private Counter tiles(String kind) {
    return Counter.builder("tlog.tiles.served")
        .description("Tiles answered 200 over HTTP, by kind (hash tiles, entry bundles)")
        .tag("kind", kind)
        .register(registry);
  }

  /** Queue depth and the state of the signed tree; call once while wiring. */
  public void observeLog(Sequencer sequencer, CheckpointFeed signed, CheckpointFeed published) {
    Gauge.builder("tlog.sequencer.queue.entries", sequencer, Sequencer::queuedEntries)
        .description("Entries queued or in flight, not yet acknowledged")
        .strongReference(true)
        .register(registry);
    Gauge.builder("tlog.tree.size", signed, f -> size(f))
        .description("Size of the latest signed checkpoint (the durable tree)")
        .strongReference(true)
        .register(registry);
    Gauge.builder("tlog.published.tree.size", published, f -> size(f))
        .description("Size of the latest published checkpoint (cosigned when witnesses are set)")
        .strongReference(true)
        .register(registry);
    signed.subscribe(cp -> lastSignedNanos = System.nanoTime());
    Gauge.builder("tlog.checkpoint.age", this, m -> m.checkpointAgeSeconds())
        .description("Seconds since the log last signed a checkpoint (since start if none yet)")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
  }

  /** LMDB map use and commit times; call once while wiring. */
  public void observeStorage(LmdbLogStorage storage) {
    storage.observeCommits(n -> lmdbCommit.record(n, TimeUnit.NANOSECONDS));
    gauge("tlog.lmdb.map.used", "Bytes of the LMDB map in use", storage::usedBytes);
    gauge("tlog.lmdb.map.size", "Bytes the LMDB map may grow to now", storage::mapSize);
  }

  /** Whether the log is closed (spec/scaling.md, "Closing a log"): 1 closed, 0 open. */
  public void observeClosed(boolean closed) {
    double v = closed ? 1 : 0;
    Gauge.builder("tlog.log.closed", () -> v)
        .description("1 when the log is closed for appends, else 0")
        .strongReference(true)
        .register(registry);
  }

  /** Per witness: entries the signed tree is ahead of what that witness last cosigned. */
  public void observeWitnesses(Witnessing witnessing, CheckpointFeed signed, List<String> names) {
    for (String name : names) {
      Gauge.builder("tlog.cosignature.lag.entries", () -> lag(witnessing, signed, name))
          .description("Signed tree size minus the size this witness last cosigned")
          .tag("witness", name)
          .strongReference(true)
          .register(registry);
    }
  }

  /** Publishing to object storage (spec/scaling.md): how far the bucket trails the log. */
  public void observePublisher(TilePublisher publisher) {
    Gauge.builder("tlog.publish.lag.entries", publisher, p -> (double) p.lag())
        .description("Published tree size minus the size of the checkpoint in the bucket")
        .strongReference(true)
        .register(registry);
    Gauge.builder("tlog.publish.refused", publisher, p -> p.refusal().isPresent() ? 1 : 0)
        .description("1 when publishing stopped for good: the bucket shows another history")
        .strongReference(true)
        .register(registry);
    Gauge.builder("tlog.publish.bucket.tree.size", publisher, p -> (double) p.bucketSize())
        .description("Size of the checkpoint in the bucket")
        .strongReference(true)
        .register(registry);
  }

  private static double lag(Witnessing witnessing, CheckpointFeed signed, String name) {
    long size = (long) size(signed);
    return witnessing.status().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .map(s -> (double) (size - Math.max(0, s.cosignedSize())))
        .orElse(Double.NaN);
  }

  private void gauge(String name, String description, LongSupplier value) {
    Gauge.builder(
            name,
            () -> {
              try {
                return (double) value.getAsLong();
              } catch (RuntimeException e) {
                return Double.NaN; // closed while scraped
              }
            })
        .description(description)
        .baseUnit("bytes")
        .strongReference(true)
        .register(registry);
  }

  private static double size(CheckpointFeed feed) {
    return feed.latest().map(SignedCheckpoint::size).orElse(0L);
  }

  double checkpointAgeSeconds() {
    return Math.max(0, System.nanoTime() - lastSignedNanos) / 1e9;
  }

  /** A hash tile ({@code entries == false}) or an entry bundle was served. */
  public void tileServed(boolean entries) {
    (entries ? entryBundles : hashTiles).increment();
  }

  @Override
  public void committed(long entries, long commitNanos) {
    appendedEntries.increment(entries);
    batchEntries.record(entries);
    batchCommit.record(commitNanos, TimeUnit.NANOSECONDS);
  }

  /** The registry these meters live in. */
  public MeterRegistry registry() {
    return registry;
  }
}
