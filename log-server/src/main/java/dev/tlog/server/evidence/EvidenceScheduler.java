package dev.tlog.server.evidence;

import dev.tlog.compliance.evidence.CollectionRecord;
import dev.tlog.compliance.evidence.MissedRecord;
import dev.tlog.compliance.evidence.ScheduleRecord;
import dev.tlog.compliance.schedule.SlotPlan;
import dev.tlog.server.evidence.config.CollectorSpec;
import dev.tlog.server.evidence.config.CollectorsConfig;
import dev.tlog.server.evidence.run.Collector;
import dev.tlog.server.evidence.run.RunResult;
import dev.tlog.server.ledger.query.EventQueries;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the configured collectors on schedule and accounts for every slot (spec/compliance.md, "No
 * silent gaps: slot accounting"). One ticker thread reads the server's clock every {@value
 * #TICK_MILLIS} ms and plans each idle collector's slots ({@link SlotPlan}); the work (a missed
 * event, then a run and its event) goes to a bounded pool of worker threads, at most one piece per
 * collector at a time. Neither ever runs on the sequencer's or a transport thread; events go
 * through {@link EvidenceAppender}, and {@code last} advances only once an event is acknowledged.
 *
 * <p>At start the ticker first waits for the ledger index to cover the log, records the
 * configuration ({@code evidence.schedule}) when it differs from the last recorded one, and reads
 * each collector's {@code last} from the log.
 */
public final class EvidenceScheduler implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(EvidenceScheduler.class.getName());
  static final long TICK_MILLIS = 200;
  private static final int MAX_WORKERS = 8;

  private final CollectorsConfig config;
  private final InstantSource clock;
  private final EvidenceHistory history;
  private final EvidenceAppender appender;
  private final Map<String, Collector> byKind;
  private final List<CollectorState> states = new CopyOnWriteArrayList<>();
  private final ExecutorService workers;
  private final Thread ticker;
  private final AtomicLong ticks = new AtomicLong();
  private volatile boolean ready;
  private volatile boolean closed;

  /** {@code byKind} maps each kind ({@link CollectorSpec#kind()}) to its collector. */
  public EvidenceScheduler(
      CollectorsConfig config,
      InstantSource clock,
      EventQueries queries,
      EvidenceAppender appender,
      Map<String, Collector> byKind) {
    this.config = config;
    this.clock = clock;
    this.history = new EvidenceHistory(queries);
    this.appender = appender;
    this.byKind = Map.copyOf(byKind);
    int n = Math.max(1, Math.min(MAX_WORKERS, config.collectors().size()));
    AtomicInteger count = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            n,
            n,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> daemon(r, "tlog-evidence-run-" + count.incrementAndGet()));
    this.ticker = daemon(this::tickLoop, "tlog-evidence-ticker");
  }

  /** Starts the ticker (startup work included); returns at once. */
  public EvidenceScheduler start() {
    ticker.start();
    return this;
  }

  /** Whether the start-up work (index, schedule event, each {@code last}) is done. */
  public boolean ready() {
    return ready;
  }

  /** Ticks done since the start-up work. */
  public long ticks() {
    return ticks.get();
  }

  /** Whether no collector has a run or missed event in progress. */
  public boolean idle() {
    return states.stream().noneMatch(CollectorState::busy);
  }

  /** The last slot accounted for by {@code collector} (empty before start-up is done). */
  public Optional<Instant> lastAccounted(String collector) {
    return states.stream()
        .filter(s -> s.spec.name().equals(collector))
        .findFirst()
        .map(CollectorState::last);
  }

  private void tickLoop() {
    try {
      if (!startUp()) {
        return;
      }
      ready = true;
      while (!closed) {
        tick();
        ticks.incrementAndGet();
        Thread.sleep(TICK_MILLIS);
      }
    } catch (InterruptedException e) {
      // Closing.
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "evidence scheduler stopped", e);
    }
  }

  private boolean startUp() throws InterruptedException {
    if (!history.awaitIndexed(() -> closed)) {
      return false;
    }
    // Read before the schedule event is appended: a new collector is due from that event's receive
    // time on (spec/compliance.md, "Counting"), so its accounting must not start any later, however
    // long the append takes.
    Instant start = clock.instant();
    ScheduleRecord schedule = config.scheduleRecord();
    boolean differs = history.scheduleDiffers(schedule);
    while (differs && !closed) {
      try {
        appender.append(EvidenceEvents.schedule(schedule, clock.instant()));
        differs = false;
      } catch (EvidenceAppender.AppendFailedException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "cannot record evidence.schedule, retrying: {0}",
            e.getMessage());
        Thread.sleep(1_000);
      }
    }
    for (CollectorSpec c : config.collectors()) {
      states.add(new CollectorState(c, history.lastAccounted(c.name()).orElse(start)));
    }
    return !closed;
  }

  private void tick() {
    Instant now = clock.instant();
    for (CollectorState s : states) {
      if (!s.claim()) {
        continue;
      }
      SlotPlan plan = s.plan(now);
      if (plan.isEmpty()) {
        s.release();
        continue;
      }
      try {
        workers.execute(() -> work(s, plan));
      } catch (RuntimeException e) {
        s.release();
      }
    }
  }

  /** Records the plan's missed slots, then runs its slot; on a worker thread. */
  private void work(CollectorState s, SlotPlan plan) {
    try {
      if (plan.missed().isPresent()) {
        SlotPlan.MissedRange m = plan.missed().get();
        MissedRecord r =
            new MissedRecord(
                s.spec.name(),
                m.first(),
                m.last(),
                m.count(),
                s.spec.schedule().text(),
                s.reason());
        appender.append(EvidenceEvents.missed(r, clock.instant()));
        s.missedRecorded(m.last());
      }
      if (plan.run().isPresent() && !closed) {
        run(s, plan.run().get());
      }
    } catch (EvidenceAppender.AppendFailedException e) {
      LOG.log(System.Logger.Level.WARNING, "collector {0}: {1}", s.spec.name(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "collector " + s.spec.name() + " failed", e);
    } finally {
      s.release();
    }
  }

  private void run(CollectorState s, Instant slot) {
    CollectorSpec c = s.spec;
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    RunResult r = byKind.get(c.kind()).run(c);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (closed) {
      // Stopped mid-run: nothing is recorded, so the next start counts the slot as missed.
      return;
    }
    CollectionRecord rec =
        new CollectionRecord(
            c.name(),
            r.status(),
            slot,
            c.schedule().text(),
            c.kind(),
            c.source().target(),
            started,
            ms,
            r.output().sha256(),
            r.output().size(),
            r.output().inline(),
            r.exitCode(),
            r.httpStatus(),
            r.files(),
            r.error());
    try {
      appender.append(EvidenceEvents.collection(rec));
      s.runRecorded(slot);
    } catch (EvidenceAppender.AppendFailedException e) {
      s.runNotRecorded(slot);
      throw e;
    }
  }

  /** Stops ticking, interrupts runs (commands are killed) and waits for the workers. */
  @Override
  public void close() {
    closed = true;
    ticker.interrupt();
    workers.shutdownNow();
    try {
      ticker.join(10_000);
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "evidence workers did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
