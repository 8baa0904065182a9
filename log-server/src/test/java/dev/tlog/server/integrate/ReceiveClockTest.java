package dev.tlog.server.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.server.checkpoint.CheckpointSigner;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.dedup.LeafIndex;
import dev.tlog.server.storage.LogMode;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.lmdb.LmdbLogStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clock marks with a clock the test drives, on real LMDB: a mark opens a batch only after the clock
 * advanced a step; a clock that steps back writes no mark until it has caught up; a restarted
 * builder continues after the last stored mark.
 */
class ReceiveClockTest {
  private static final String ORIGIN = "tlog.test/clock";
  private static final Ed25519NoteSigner KEY = new Ed25519NoteSigner(ORIGIN, new byte[32]);
  private static final long MS = 1_000_000L;

  @TempDir Path dir;

  @Test
  void marksFollowTheClockOnlyForwardAndSurviveRestart() {
    AtomicLong now = new AtomicLong(10 * MS);
    CheckpointSigner signer = new CheckpointSigner(ORIGIN, KEY);
    try (LmdbLogStorage storage = LmdbLogStorage.open(dir, ORIGIN, LogMode.LEDGER, 1 << 20)) {
      SignedCheckpoint cp = signer.sign(0, TreeHasher.emptyRoot(), Hash.ZERO);
      Integrator integrator = integrator(storage, signer, cp, now);
      cp = batch(integrator, storage, "a"); // mark at 10 ms, a
      now.set(10 * MS + MS / 2);
      cp = batch(integrator, storage, "b"); // less than a step: no mark
      now.set(5 * MS);
      cp = batch(integrator, storage, "c"); // clock stepped back: no mark
      now.set(12 * MS);
      cp = batch(integrator, storage, "d"); // mark at 12 ms

      now.set(12 * MS + 1);
      Integrator restarted = integrator(storage, signer, cp, now);
      batch(restarted, storage, "e"); // continues after the stored mark at 12 ms: no mark
      now.set(13 * MS);
      batch(restarted, storage, "f"); // mark at 13 ms

      List<String> seen = new ArrayList<>();
      try (LogReader r = storage.reader()) {
        for (byte[] e : r.entries(0, r.size())) {
          if (ReceiveClock.isMark(e)) {
            LedgerEntry.ClockMark m =
                assertInstanceOf(LedgerEntry.ClockMark.class, EventCodec.parseEntry(e));
            seen.add("mark@" + m.nanos() / MS);
          } else {
            seen.add(new String(e, StandardCharsets.UTF_8));
          }
        }
        assertEquals(13 * MS, ReceiveClock.lastMark(r));
      }
      assertEquals(List.of("mark@10", "a", "b", "c", "mark@12", "d", "e", "mark@13", "f"), seen);
    }
  }

  private static Integrator integrator(
      LmdbLogStorage storage, CheckpointSigner signer, SignedCheckpoint cp, AtomicLong now) {
    LeafIndex index = new LeafIndex();
    try (LogReader r = storage.reader()) {
      index.rebuild(r);
    }
    return new Integrator(
        storage, signer, index, true, () -> Long.MAX_VALUE, new ReceiveClock(now::get), cp);
  }

  private static SignedCheckpoint batch(Integrator integrator, LmdbLogStorage storage, String e) {
    integrator.add(List.of(Submitted.opaque(e.getBytes(StandardCharsets.UTF_8))));
    SealedBatch sealed = integrator.seal();
    sealed.write().ifPresent(storage::append);
    return sealed.checkpoint();
  }
}
