package dev.tlog.witness.config;

import dev.tlog.merkle.note.Ed25519NoteVerifier;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One witnessed log: its origin line, the verifier keys whose signatures the witness trusts for it,
 * and optionally the URL prefix of its C2SP tlog-tiles API (used only for cross-checking).
 */
public record LogConfig(String origin, List<Ed25519NoteVerifier> keys, Optional<URI> tiles) {
  public LogConfig {
    Objects.requireNonNull(origin, "origin");
    keys = List.copyOf(keys);
    Objects.requireNonNull(tiles, "tiles");
    if (origin.isEmpty() || origin.chars().anyMatch(c -> c < 0x20)) {
      throw new ConfigException("log origin must be non-empty, without control characters");
    }
    if (keys.isEmpty()) {
      throw new ConfigException("log \"" + origin + "\" has no verifier key");
    }
  }

  /** The keys in vkey format. */
  public List<String> verifierKeys() {
    return keys.stream().map(Ed25519NoteVerifier::verifierKey).toList();
  }
}
