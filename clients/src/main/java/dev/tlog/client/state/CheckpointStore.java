package dev.tlog.client.state;

import dev.tlog.client.CheckpointVerifier;
import dev.tlog.client.VerificationException;
import dev.tlog.client.VerifiedCheckpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The last verified checkpoint of one log, kept as its signed note. It is re-verified on load, so
 * an edited state file is reported rather than trusted.
 */
public final class CheckpointStore {
  private final Path file;

  public CheckpointStore(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** The stored checkpoint, verified with {@code verifier}, or empty when there is none yet. */
  public Optional<VerifiedCheckpoint> load(CheckpointVerifier verifier) {
    Optional<byte[]> bytes = AtomicFiles.read(file);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(verifier.verify(new String(bytes.get(), StandardCharsets.UTF_8)));
    } catch (VerificationException e) {
      throw new StateFileException(
          "state file " + file + " does not hold a checkpoint of this log: " + e.getMessage(), e);
    }
  }

  public void save(VerifiedCheckpoint cp) {
    AtomicFiles.write(file, cp.note().getBytes(StandardCharsets.UTF_8));
  }
}
