package dev.tlog.witness.fork;

import dev.tlog.witness.errors.StateException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fork evidence files, one per conflicting pair of checkpoints, in {@code <dir>/<id>.json}. A file
 * is written to a temporary name, fsynced, and renamed into place, so it is either complete or
 * absent. Saving the same evidence twice keeps the first file. Thread-safe.
 */
public final class ForkEvidenceStore {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

  private final Path dir;

  public ForkEvidenceStore(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StateException(
          "cannot create evidence directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Stores {@code evidence} durably and returns its id. */
  public String save(ForkEvidence evidence) {
    String id = evidence.id();
    Path file = dir.resolve(id + ".json");
    if (Files.exists(file)) {
      return id;
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, ".evidence", ".tmp");
      Files.write(tmp, evidence.toJson());
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
        ch.force(true);
      }
      return id;
    } catch (FileAlreadyExistsException e) {
      return id;
    } catch (IOException e) {
      throw new StateException("cannot write evidence " + file + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /** The ids of all stored evidence, sorted. */
  public List<String> ids() {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> out = new ArrayList<>();
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .filter(n -> ID.matcher(n).matches())
          .sorted()
          .forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new StateException("cannot list evidence in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The evidence file with {@code id}, if any; ids that are not 32 lowercase hex digits match none.
   */
  public Optional<byte[]> read(String id) {
    if (!ID.matcher(id).matches()) {
      return Optional.empty();
    }
    Path file = dir.resolve(id + ".json");
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StateException("cannot read evidence " + file + ": " + e.getMessage(), e);
    }
  }

  /** The file {@code id} is (or would be) stored in. */
  public Path file(String id) {
    return dir.resolve(id + ".json");
  }

  private static void deleteQuietly(Path tmp) {
    if (tmp == null) {
      return;
    }
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      // A leftover temporary file is harmless: listings only look at <id>.json.
    }
  }
}
