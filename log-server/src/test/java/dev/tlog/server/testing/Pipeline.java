package dev.tlog.server.testing;

import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.checkpoint.CheckpointSigner;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.dedup.LeafIndex;
import dev.tlog.server.integrate.Integrator;
import dev.tlog.server.sequencer.BatchWriter;
import dev.tlog.server.sequencer.Sequencer;
import dev.tlog.server.sequencer.SequencerLimits;
import dev.tlog.server.startup.StartupVerifier;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import dev.tlog.server.storage.lmdb.LmdbLogStorage;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The write path as the server wires it (verifier, leaf index, integrator, writer, sequencer) over
 * a real LMDB directory, without the network. {@code wrap} may put a fault-injecting or gating
 * decorator around the real storage.
 */
public final class Pipeline implements AutoCloseable {
  public static final String ORIGIN = "tlog.test/pipeline";
  public static final Ed25519NoteSigner KEY = new Ed25519NoteSigner(ORIGIN, new byte[32]);

  public final LmdbLogStorage lmdb;
  public final LogStorage storage;
  public final CheckpointSigner signer = new CheckpointSigner(ORIGIN, KEY);
  public final CheckpointFeed feed = new CheckpointFeed();
  public final LeafIndex leafIndex = new LeafIndex();
  public final Sequencer sequencer;

  public Pipeline(Path dir, SequencerLimits limits, UnaryOperator<LogStorage> wrap) {
    this.lmdb = LmdbLogStorage.open(dir, ORIGIN, 1 << 20);
    this.storage = wrap.apply(lmdb);
    SignedCheckpoint current = verify(StartupVerifier.Mode.FULL);
    try (LogReader r = lmdb.reader()) {
      leafIndex.rebuild(r);
    }
    feed.publish(current);
    BatchWriter writer = new BatchWriter(storage, current, feed::publish);
    Integrator integrator =
        new Integrator(storage, signer, leafIndex, true, writer::durableSize, null, current);
    this.sequencer = new Sequencer(integrator, writer, limits);
  }

  public Pipeline(Path dir, SequencerLimits limits) {
    this(dir, limits, s -> s);
  }

  /** Runs the startup verification over what is stored now. */
  public SignedCheckpoint verify(StartupVerifier.Mode mode) {
    return new StartupVerifier(lmdb, signer, KEY.verifier()).verify(mode);
  }

  /** Stops the sequencer (finishing queued work); storage stays open. */
  public void stop() {
    sequencer.close();
  }

  @Override
  public void close() {
    sequencer.close();
    lmdb.close();
  }
}
