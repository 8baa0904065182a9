package dev.tlog.client;

import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.cosignature.Cosignature;
import dev.tlog.merkle.hash.Hash;
import java.util.List;
import java.util.Objects;

/**
 * A checkpoint whose log signature (and every recognised cosignature) verified.
 *
 * @param checkpoint the parsed body
 * @param chainHead the {@code tlog-chain} head {@code C[size-1]} it signs
 * @param note the signed note exactly as received
 * @param cosignatures verified cosignatures by the configured witnesses
 * @param unknownSigners key ids ({@code name+hash}) of signatures by keys the client does not know;
 *     not verified, reported only
 */
public record VerifiedCheckpoint(
    Checkpoint checkpoint,
    Hash chainHead,
    String note,
    List<Cosignature> cosignatures,
    List<String> unknownSigners) {
  public VerifiedCheckpoint {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(chainHead, "chainHead");
    Objects.requireNonNull(note, "note");
    cosignatures = List.copyOf(cosignatures);
    unknownSigners = List.copyOf(unknownSigners);
  }

  public long size() {
    return checkpoint.size();
  }

  public Hash root() {
    return checkpoint.root();
  }

  public String origin() {
    return checkpoint.origin();
  }

  /** Same tree: size, root and chain head (signatures may differ). */
  public boolean sameTree(VerifiedCheckpoint o) {
    return size() == o.size() && root().equals(o.root()) && chainHead.equals(o.chainHead);
  }
}
