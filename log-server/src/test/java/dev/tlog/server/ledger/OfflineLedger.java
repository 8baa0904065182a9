package dev.tlog.server.ledger;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.server.checkpoint.CheckpointSigner;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.dedup.LeafIndex;
import dev.tlog.server.integrate.Integrator;
import dev.tlog.server.integrate.ReceiveClock;
import dev.tlog.server.integrate.Submitted;
import dev.tlog.server.keys.LogKeyFile;
import dev.tlog.server.storage.LogMode;
import dev.tlog.server.storage.lmdb.LmdbLogStorage;
import dev.tlog.server.testing.TestLog;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/**
 * A ledger log written without a server, in the layout a server opens ({@code <dir>/log/}, {@code
 * <dir>/log.key}, origin {@link TestLog#ORIGIN}): the real integrator and storage, with a receive
 * clock the test sets before each batch, so windows land where the test wants them.
 */
final class OfflineLedger implements AutoCloseable {
  final LmdbLogStorage storage;
  private final Integrator integrator;
  private final long[] now = {0};
  private SignedCheckpoint checkpoint;

  OfflineLedger(Path dataDir) {
    this.storage =
        LmdbLogStorage.open(dataDir.resolve("log"), TestLog.ORIGIN, LogMode.LEDGER, 1 << 24);
    Ed25519NoteSigner key =
        LogKeyFile.loadOrCreate(
            dataDir.resolve("log.key"), TestLog.ORIGIN, false, new SecureRandom());
    CheckpointSigner signer = new CheckpointSigner(TestLog.ORIGIN, key);
    this.checkpoint = signer.sign(0, TreeHasher.emptyRoot(), Hash.ZERO);
    this.integrator =
        new Integrator(
            storage,
            signer,
            new LeafIndex(),
            true,
            () -> Long.MAX_VALUE,
            new ReceiveClock(() -> now[0]),
            checkpoint);
  }

  /**
   * Appends {@code events} as one batch received at {@code clockNanos}: it starts with a clock mark
   * when the clock advanced at least 1 ms since the last one.
   */
  SignedCheckpoint batch(long clockNanos, List<Event> events) {
    now[0] = clockNanos;
    integrator.add(
        events.stream()
            .map(e -> new Submitted(EventCodec.entry(e), EventCodec.payloadRecord(e)))
            .toList());
    var sealed = integrator.seal();
    sealed.write().ifPresent(storage::append);
    checkpoint = sealed.checkpoint();
    return checkpoint;
  }

  SignedCheckpoint checkpoint() {
    return checkpoint;
  }

  @Override
  public void close() {
    storage.close();
  }
}
