package dev.tlog.server.checkpoint;

import dev.tlog.merkle.checkpoint.ChainHeadExtension;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.note.NoteSigner;
import dev.tlog.merkle.note.Notes;
import java.util.List;

/**
 * Signs C2SP checkpoints for the log: origin, size, root and tlog's chain-head extension line, as
 * one signed note. Thread-safe.
 */
public final class CheckpointSigner {
  private final String origin;
  private final NoteSigner signer;

  public CheckpointSigner(String origin, NoteSigner signer) {
    this.origin = origin;
    this.signer = signer;
  }

  public String origin() {
    return origin;
  }

  /** Signs the checkpoint for a durable tree of {@code size} with {@code root} and chain head. */
  public SignedCheckpoint sign(long size, Hash root, Hash chainHead) {
    Checkpoint cp = new Checkpoint(origin, size, root, List.of(ChainHeadExtension.line(chainHead)));
    String note = Notes.sign(cp.toBody(), signer).serialize();
    return new SignedCheckpoint(cp, note);
  }
}
