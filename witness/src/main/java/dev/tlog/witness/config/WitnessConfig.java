package dev.tlog.witness.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.cosignature.CosignatureVerifier;
import dev.tlog.merkle.note.Ed25519NoteVerifier;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.note.VerifierKeys;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The witnessed logs (by origin) and the peer witnesses, read from a JSON file (spec/witness.md,
 * "Configuration"). Unknown fields, duplicate origins and malformed keys or URLs are rejected.
 */
public record WitnessConfig(Map<String, LogConfig> logs, List<PeerConfig> peers) {
  public WitnessConfig {
    logs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(logs));
    peers = List.copyOf(peers);
  }

  /** The log with {@code origin}, if configured. */
  public Optional<LogConfig> log(String origin) {
    return Optional.ofNullable(logs.get(origin));
  }

  /** Reads and validates the configuration file. */
  public static WitnessConfig load(Path file) {
    byte[] json;
    try {
      json = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    try {
      return parse(json);
    } catch (ConfigException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    }
  }

  /** Parses and validates configuration JSON. */
  public static WitnessConfig parse(byte[] json) {
    ObjectMapper mapper =
        new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    FileFormat f;
    try {
      f = mapper.readValue(json, FileFormat.class);
    } catch (JsonProcessingException e) {
      throw new ConfigException("invalid config JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException("invalid config JSON: " + e.getMessage(), e);
    }
    Map<String, LogConfig> logs = new LinkedHashMap<>();
    for (LogEntry l : nullToEmpty(f.logs())) {
      LogConfig log = toLog(l);
      if (logs.putIfAbsent(log.origin(), log) != null) {
        throw new ConfigException("log origin \"" + log.origin() + "\" is configured twice");
      }
    }
    List<PeerConfig> peers = new ArrayList<>();
    for (PeerEntry p : nullToEmpty(f.peers())) {
      peers.add(toPeer(p));
    }
    return new WitnessConfig(logs, peers);
  }

  private static LogConfig toLog(LogEntry l) {
    if (l.origin() == null) {
      throw new ConfigException("a log entry has no \"origin\"");
    }
    List<Ed25519NoteVerifier> keys = new ArrayList<>();
    for (String vkey : nullToEmpty(l.keys())) {
      if (!(parseKey(vkey, "log \"" + l.origin() + "\"") instanceof Ed25519NoteVerifier k)) {
        throw new ConfigException(
            "log \"" + l.origin() + "\" key must be an Ed25519 (type 0x01) note key: " + vkey);
      }
      keys.add(k);
    }
    Optional<URI> tiles = Optional.ofNullable(l.tiles()).map(u -> parseUrl(u, "tiles"));
    return new LogConfig(l.origin(), keys, tiles);
  }

  private static PeerConfig toPeer(PeerEntry p) {
    if (p.url() == null || p.key() == null) {
      throw new ConfigException("a peer entry needs \"url\" and \"key\"");
    }
    NoteVerifier key = parseKey(p.key(), "peer " + p.url());
    if (!(key instanceof CosignatureVerifier c)) {
      throw new ConfigException(
          "peer " + p.url() + " key must be a cosigner (type 0x04) key: " + p.key());
    }
    return new PeerConfig(parseUrl(p.url(), "peer url"), c);
  }

  private static NoteVerifier parseKey(String vkey, String owner) {
    try {
      return VerifierKeys.parse(vkey);
    } catch (MerkleException e) {
      throw new ConfigException(owner + ": bad verifier key: " + e.getMessage(), e);
    }
  }

  /** An absolute http(s) URL, normalized to end in a slash so paths can be appended. */
  static URI parseUrl(String s, String what) {
    try {
      URI u = new URI(s.endsWith("/") ? s : s + "/");
      if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
        throw new ConfigException(what + " must be an absolute http(s) URL, got " + s);
      }
      return u;
    } catch (URISyntaxException e) {
      throw new ConfigException(what + " is not a URL: " + s, e);
    }
  }

  private static <T> List<T> nullToEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }

  record FileFormat(
      @JsonProperty("logs") List<LogEntry> logs, @JsonProperty("peers") List<PeerEntry> peers) {}

  record LogEntry(
      @JsonProperty("origin") String origin,
      @JsonProperty("keys") List<String> keys,
      @JsonProperty("tiles") String tiles) {}

  record PeerEntry(@JsonProperty("url") String url, @JsonProperty("key") String key) {}
}
