package dev.tlog.merkle.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the generated vectors under spec/vectors (system property {@code tlog.vectors.dir}). */
public final class Vectors {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Vectors() {}

  /** The vectors root directory. */
  public static Path root() {
    String dir = System.getProperty("tlog.vectors.dir");
    Path p = dir != null ? Path.of(dir) : Path.of("..", "spec", "vectors");
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("vectors directory not found: " + p.toAbsolutePath());
    }
    return p;
  }

  /** Parses {@code relativePath} (e.g. {@code "proofs/inclusion.json"}). */
  public static JsonNode load(String relativePath) {
    try {
      return MAPPER.readTree(root().resolve(relativePath).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
