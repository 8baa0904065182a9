package dev.tlog.server.evidence;

import dev.tlog.compliance.evidence.MissedRecord;
import dev.tlog.compliance.schedule.SlotPlan;
import dev.tlog.server.evidence.config.CollectorSpec;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One collector's accounting (spec/compliance.md, "No silent gaps"): {@code last}, the last slot
 * whose event is acknowledged; whether a run is going; why the next missed slots were missed; and
 * the slot whose run could not be recorded. The ticker reads it only while no run is going; the
 * worker writes it only while one is (the {@code busy} flag orders the two).
 */
final class CollectorState {
  final CollectorSpec spec;
  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile Instant last;
  private volatile MissedRecord.Reason reason = MissedRecord.Reason.NOT_RUNNING;
  private volatile Optional<Instant> notRecorded = Optional.empty();

  CollectorState(CollectorSpec spec, Instant last) {
    this.spec = spec;
    this.last = last;
  }

  /** Claims the collector for one piece of work; false when a run is still going. */
  boolean claim() {
    return busy.compareAndSet(false, true);
  }

  void release() {
    busy.set(false);
  }

  boolean busy() {
    return busy.get();
  }

  Instant last() {
    return last;
  }

  MissedRecord.Reason reason() {
    return reason;
  }

  /** What to do at {@code now}; a slot whose run was not recorded is never run again. */
  SlotPlan plan(Instant now) {
    SlotPlan p = SlotPlan.plan(spec.schedule(), last, now);
    if (p.run().isPresent() && p.run().equals(notRecorded)) {
      return p.withoutRun(spec.schedule());
    }
    return p;
  }

  /** The missed event up to {@code through} is acknowledged. */
  void missedRecorded(Instant through) {
    last = through;
  }

  /** The run of {@code slot} is acknowledged: later gaps are its overrun. */
  void runRecorded(Instant slot) {
    last = slot;
    notRecorded = Optional.empty();
    reason = MissedRecord.Reason.OVERRUN;
  }

  /** The run of {@code slot} happened but its event was not appended. */
  void runNotRecorded(Instant slot) {
    notRecorded = Optional.of(slot);
    reason = MissedRecord.Reason.NOT_RECORDED;
  }
}
