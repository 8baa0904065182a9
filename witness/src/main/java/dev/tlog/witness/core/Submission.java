package dev.tlog.witness.core;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.witness.config.LogConfig;
import dev.tlog.witness.state.StoredCheckpoint;
import java.util.List;
import java.util.Objects;

/**
 * An add-checkpoint request that passed every check that does not depend on witness state: known
 * origin, valid log signature, {@code oldSize <= checkpoint size}. {@code checkpoint}'s note keeps
 * only the log signatures that verified.
 */
public record Submission(
    LogConfig log, long oldSize, List<Hash> proof, StoredCheckpoint checkpoint) {
  public Submission {
    Objects.requireNonNull(log, "log");
    proof = List.copyOf(proof);
    Objects.requireNonNull(checkpoint, "checkpoint");
  }
}
