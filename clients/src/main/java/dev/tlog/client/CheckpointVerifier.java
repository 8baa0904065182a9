package dev.tlog.client;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.checkpoint.ChainHeadExtension;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.checkpoint.OpenedCheckpoint;
import dev.tlog.merkle.cosignature.Cosignature;
import dev.tlog.merkle.cosignature.CosignatureVerifier;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.note.NoteSignature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens signed checkpoints for one {@link LogIdentity}: the log key must have signed (a witness
 * signature alone is not enough), every signature by a known key must verify, the origin must match
 * and the body must carry a {@code tlog-chain} line (spec/checkpoint.md). Thread-safe.
 */
public final class CheckpointVerifier {
  private final LogIdentity log;

  public CheckpointVerifier(LogIdentity log) {
    this.log = log;
  }

  public LogIdentity log() {
    return log;
  }

  /**
   * Verifies {@code note}.
   *
   * @throws VerificationException naming the failed check, with the merkle exception as cause
   */
  public VerifiedCheckpoint verify(String note) {
    OpenedCheckpoint opened;
    try {
      opened = Checkpoints.open(note.getBytes(StandardCharsets.UTF_8), log.origin(), log.allKeys());
    } catch (MerkleException e) {
      throw new VerificationException("checkpoint rejected: " + e.getMessage(), e);
    }
    String logId = keyId(log.logKey().name(), log.logKey().keyHash());
    boolean logSigned = opened.note().verified().stream().anyMatch(s -> s.keyId().equals(logId));
    if (!logSigned) {
      throw new VerificationException(
          "checkpoint rejected: not signed by the log key " + logId + " (only by witnesses)");
    }
    Hash head;
    try {
      head =
          ChainHeadExtension.find(opened.checkpoint())
              .orElseThrow(
                  () ->
                      new VerificationException(
                          "checkpoint rejected: no " + ChainHeadExtension.KEYWORD + " line"));
    } catch (MerkleException e) {
      throw new VerificationException("checkpoint rejected: " + e.getMessage(), e);
    }
    List<Cosignature> cosigs = new ArrayList<>();
    for (NoteSignature s : opened.note().verified()) {
      for (CosignatureVerifier w : log.witnesses()) {
        if (s.keyId().equals(keyId(w.name(), w.keyHash()))) {
          cosigs.add(w.check(opened.note().text(), s));
        }
      }
    }
    List<String> unknown = opened.note().unverified().stream().map(NoteSignature::keyId).toList();
    return new VerifiedCheckpoint(opened.checkpoint(), head, note, cosigs, unknown);
  }

  private static String keyId(String name, int hash) {
    return name + "+" + String.format("%08x", hash);
  }
}
