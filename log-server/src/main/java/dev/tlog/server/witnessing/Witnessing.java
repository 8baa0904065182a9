package dev.tlog.server.witnessing;

import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.note.NoteSignature;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.read.LogReads;
import dev.tlog.server.storage.LogStorage;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gathers witness cosignatures for the log's newest checkpoint and publishes it, with the
 * cosignatures appended as extra signature lines, once {@code quorum} witnesses have cosigned.
 *
 * <p>Appends never wait for witnesses: rounds run on their own thread, triggered by each new
 * checkpoint and retried every {@code retryInterval}. The published checkpoint only grows; while
 * witnesses are down it lags the signed one, and the lag is logged every round.
 */
public final class Witnessing implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Witnessing.class.getName());

  private final WitnessPolicy policy;
  private final LogStorage storage;
  private final CheckpointFeed signed;
  private final CheckpointFeed published;
  private final List<WitnessSubmitter> submitters = new ArrayList<>();
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "tlog-witnessing"));
  private final AtomicBoolean queued = new AtomicBoolean();
  private final Runnable unsubscribe;

  /** Size of the newest checkpoint published with a quorum of cosignatures; -1 for none. */
  private long cosignedSize;

  public Witnessing(
      WitnessPolicy policy,
      LogReads reads,
      LogStorage storage,
      CheckpointFeed signed,
      CheckpointFeed published,
      long cosignedSize,
      Duration timeout,
      Duration retryInterval) {
    this.policy = policy;
    this.cosignedSize = cosignedSize;
    this.storage = storage;
    this.signed = signed;
    this.published = published;
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
    for (Witness w : policy.witnesses()) {
      submitters.add(new WitnessSubmitter(w, http, reads, timeout));
    }
    this.unsubscribe = signed.subscribe(cp -> trigger());
    long every = retryInterval.toMillis();
    thread.scheduleWithFixedDelay(this::trigger, 0, every, TimeUnit.MILLISECONDS);
  }

  /** Requests a round soon; rounds never overlap and back-to-back triggers coalesce. */
  public void trigger() {
    if (queued.compareAndSet(false, true)) {
      try {
        thread.execute(this::round);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        queued.set(false); // closing
      }
    }
  }

  private void round() {
    queued.set(false);
    Optional<SignedCheckpoint> latest = signed.latest();
    if (latest.isEmpty() || latest.get().size() <= cosignedSize) {
      return;
    }
    SignedCheckpoint cp = latest.get();
    long publishedSize = published.latest().map(SignedCheckpoint::size).orElse(-1L);
    List<CompletableFuture<Optional<NoteSignature>>> asks = new ArrayList<>();
    for (WitnessSubmitter s : submitters) {
      asks.add(s.submit(cp));
    }
    Note note = Note.parse(cp.note());
    int cosigs = 0;
    for (CompletableFuture<Optional<NoteSignature>> f : asks) {
      Optional<NoteSignature> sig = f.join();
      if (sig.isPresent()) {
        note = note.withSignature(sig.get());
        cosigs++;
      }
    }
    if (cosigs >= policy.quorum() && cp.size() >= publishedSize) {
      String cosigned = note.serialize();
      storage.putCosignedCheckpoint(cp.size(), cosigned.getBytes(StandardCharsets.UTF_8));
      published.publish(new SignedCheckpoint(cp.checkpoint(), cosigned));
      cosignedSize = cp.size();
      LOG.log(
          System.Logger.Level.INFO, "published size {0} with {1} cosignatures", cp.size(), cosigs);
    } else {
      LOG.log(
          System.Logger.Level.WARNING,
          "size {0} has {1} of {2} required cosignatures; published checkpoint lags at {3}",
          cp.size(),
          cosigs,
          policy.quorum(),
          publishedSize);
    }
  }

  /** Entries the published checkpoint lags behind the newest signed one. */
  public long lag() {
    long s = signed.latest().map(SignedCheckpoint::size).orElse(0L);
    long p = published.latest().map(SignedCheckpoint::size).orElse(0L);
    return s - p;
  }

  /** Per witness: the size it last cosigned and its last error (empty when it succeeded). */
  public List<WitnessStatus> status() {
    List<WitnessStatus> out = new ArrayList<>();
    for (WitnessSubmitter s : submitters) {
      out.add(new WitnessStatus(s.witness().name(), s.witnessSize(), s.lastError()));
    }
    return out;
  }

  /** What the log knows of one witness. */
  public record WitnessStatus(String name, long cosignedSize, String lastError) {}

  @Override
  public void close() {
    unsubscribe.run();
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
