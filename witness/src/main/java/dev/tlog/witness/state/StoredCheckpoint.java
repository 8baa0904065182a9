package dev.tlog.witness.state;

import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.note.Note;
import java.util.Objects;

/**
 * The latest checkpoint a witness accepted for one log: the note as stored (the checkpoint text and
 * the log signatures that verified) and its parsed body.
 */
public record StoredCheckpoint(Note note, Checkpoint checkpoint) {
  public StoredCheckpoint {
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(checkpoint, "checkpoint");
  }

  /** Parses a stored note; its text must be a checkpoint. */
  public static StoredCheckpoint of(Note note) {
    return new StoredCheckpoint(note, Checkpoint.parse(note.text()));
  }

  public long size() {
    return checkpoint.size();
  }
}
