package dev.tlog.mirror.follow;

import dev.tlog.merkle.checkpoint.Checkpoint;
import java.util.Arrays;
import java.util.Objects;

/**
 * The checkpoint the mirror serves: verified, its objects all stored.
 *
 * @param checkpoint the parsed checkpoint
 * @param note the note's bytes exactly as the upstream served them (copied in and out)
 */
public record Served(Checkpoint checkpoint, byte[] note) {
  public Served {
    Objects.requireNonNull(checkpoint, "checkpoint");
    note = note.clone();
  }

  @Override
  public byte[] note() {
    return note.clone();
  }

  public long size() {
    return checkpoint.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Served s && s.checkpoint.equals(checkpoint) && Arrays.equals(s.note, note);
  }

  @Override
  public int hashCode() {
    return checkpoint.hashCode() * 31 + Arrays.hashCode(note);
  }

  @Override
  public String toString() {
    return "Served[" + checkpoint.origin() + " size " + checkpoint.size() + "]";
  }
}
