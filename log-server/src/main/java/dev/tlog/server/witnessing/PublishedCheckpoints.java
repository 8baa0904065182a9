package dev.tlog.server.witnessing;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.errors.StateMismatchException;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import dev.tlog.server.storage.StoredCheckpoint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The feed of published checkpoints at startup. Without witnesses it is the signed feed itself.
 * With witnesses it starts at the stored cosigned checkpoint, or, on a log that was never cosigned,
 * at the current signed checkpoint, and then only moves when a quorum cosigns.
 */
public final class PublishedCheckpoints {
  private PublishedCheckpoints() {}

  /** The published feed's starting point; empty when no cosigned checkpoint is stored. */
  public static Optional<SignedCheckpoint> storedCosigned(
      LogStorage storage, String origin, NoteVerifier logKey) {
    Optional<StoredCheckpoint> stored;
    try (LogReader r = storage.reader()) {
      stored = r.cosignedCheckpoint();
    }
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    try {
      Checkpoint cp = Checkpoints.openSigned(stored.get().signedNote(), origin, List.of(logKey));
      return Optional.of(
          new SignedCheckpoint(cp, new String(stored.get().signedNote(), StandardCharsets.UTF_8)));
    } catch (MerkleException e) {
      throw new StateMismatchException(
          "stored cosigned checkpoint does not verify with the log key: " + e.getMessage(), e);
    }
  }

  /** A new feed that starts with {@code first}. */
  public static CheckpointFeed startingAt(SignedCheckpoint first) {
    CheckpointFeed feed = new CheckpointFeed();
    feed.publish(first);
    return feed;
  }
}
