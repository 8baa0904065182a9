package dev.tlog.witness.fork;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.note.VerifierKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Self-contained proof that a log signed two checkpoints that cannot both be true (format {@value
 * #FORMAT}, spec/witness.md "Fork evidence"). {@code first} and {@code second} are signed notes
 * with {@code first}'s size at most {@code second}'s; {@code prefixProof} is a {@link PrefixProof}
 * from the first size to the second, empty when the sizes are equal.
 *
 * <p>{@link #verify} needs nothing but this value (and, ideally, the verifier's own copy of the log
 * keys): both notes carry a valid log signature, and either the sizes are equal with different
 * roots, or the prefix proof reproduces the second root while giving the first size a root other
 * than the first checkpoint's.
 */
public record ForkEvidence(
    @JsonProperty("format") String format,
    @JsonProperty("origin") String origin,
    @JsonProperty("log_keys") List<String> logKeys,
    @JsonProperty("first") String first,
    @JsonProperty("second") String second,
    @JsonProperty("prefix_proof") List<String> prefixProof,
    @JsonProperty("detected_at") String detectedAt,
    @JsonProperty("detected_via") String detectedVia) {

  /** The format tag of this version of the evidence file. */
  public static final String FORMAT = "tlog-fork-evidence/v1";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ForkEvidence {
    logKeys = logKeys == null ? List.of() : List.copyOf(logKeys);
    prefixProof = prefixProof == null ? List.of() : List.copyOf(prefixProof);
  }

  /** Evidence with the current format tag; {@code proof} is empty for a same-size conflict. */
  public static ForkEvidence of(
      String origin,
      List<String> logKeys,
      String first,
      String second,
      List<Hash> proof,
      String detectedAt,
      String detectedVia) {
    return new ForkEvidence(
        FORMAT,
        origin,
        logKeys,
        first,
        second,
        proof.stream().map(Hash::toBase64).toList(),
        detectedAt,
        detectedVia);
  }

  /**
   * The evidence id: the first 16 bytes, in hex, of SHA-256(first || 0x00 || second). The same pair
   * of notes always gets the same id.
   */
  public String id() {
    var md = TreeHasher.sha256();
    md.update(String.valueOf(first).getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0);
    md.update(String.valueOf(second).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(md.digest(), 0, 16);
  }

  /** Verifies against the log keys embedded in the evidence. */
  public Verdict verify() {
    List<NoteVerifier> keys = new ArrayList<>();
    for (String k : logKeys) {
      try {
        keys.add(VerifierKeys.parse(k));
      } catch (MerkleException e) {
        throw new InvalidEvidenceException("bad log key " + k + ": " + e.getMessage(), e);
      }
    }
    return verify(keys);
  }

  /**
   * Checks that the evidence proves a fork of the log with {@code logKeys}.
   *
   * @return the two conflicting checkpoints
   * @throws InvalidEvidenceException if it does not
   */
  public Verdict verify(Collection<? extends NoteVerifier> logKeys) {
    if (!FORMAT.equals(format)) {
      throw new InvalidEvidenceException("format is \"" + format + "\", want \"" + FORMAT + "\"");
    }
    Objects.requireNonNull(logKeys, "logKeys");
    Checkpoint a = open("first", first, logKeys);
    Checkpoint b = open("second", second, logKeys);
    List<Hash> proof = decodeProof();
    if (a.size() == b.size()) {
      if (a.root().equals(b.root())) {
        throw new InvalidEvidenceException("both checkpoints have size and root equal: no fork");
      }
      if (!proof.isEmpty()) {
        throw new InvalidEvidenceException("same-size evidence must have an empty prefix proof");
      }
      return new Verdict(a, b);
    }
    if (a.size() == 0 || a.size() > b.size()) {
      throw new InvalidEvidenceException(
          "want 0 < first size <= second size, got " + a.size() + " and " + b.size());
    }
    PrefixProof.Roots roots;
    try {
      roots = PrefixProof.fold(a.size(), b.size(), proof);
    } catch (IllegalArgumentException e) {
      throw new InvalidEvidenceException(e.getMessage(), e);
    }
    if (!roots.second().equals(b.root())) {
      throw new InvalidEvidenceException(
          "prefix proof leads to "
              + roots.second()
              + ", not the second checkpoint's root "
              + b.root());
    }
    if (roots.first().equals(a.root())) {
      throw new InvalidEvidenceException("the checkpoints are consistent: no fork");
    }
    return new Verdict(a, b);
  }

  /** The two checkpoints verified evidence shows to conflict. */
  public record Verdict(Checkpoint first, Checkpoint second) {}

  private Checkpoint open(String which, String note, Collection<? extends NoteVerifier> keys) {
    if (note == null || origin == null) {
      throw new InvalidEvidenceException("evidence lacks \"origin\" or \"" + which + "\"");
    }
    try {
      return Checkpoints.openSigned(note.getBytes(StandardCharsets.UTF_8), origin, keys);
    } catch (MerkleException e) {
      throw new InvalidEvidenceException(which + " checkpoint: " + e.getMessage(), e);
    }
  }

  private List<Hash> decodeProof() {
    List<Hash> out = new ArrayList<>();
    for (String h : prefixProof) {
      try {
        out.add(Hash.fromBase64(h));
      } catch (MerkleException e) {
        throw new InvalidEvidenceException("prefix proof hash " + h + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** The evidence file: pretty-printed JSON, UTF-8. */
  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize evidence", e);
    }
  }

  /** Parses an evidence file; unknown fields are rejected. */
  public static ForkEvidence fromJson(byte[] json) {
    try {
      return JSON.readValue(json, ForkEvidence.class);
    } catch (IOException e) {
      throw new InvalidEvidenceException("not a fork evidence file: " + e.getMessage(), e);
    }
  }
}
