package dev.tlog.merkle.bundle;

import dev.tlog.merkle.hash.Hash;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of an evidence bundle. The instructions are fixed per format version ({@link
 * BundleInstructions}) and so are not a field. A bundle with {@code ledger} evidence is a {@code
 * tlog-evidence-bundle/v2}; without, a {@code v1} (spec/evidence-bundle.md).
 *
 * @param origin the log's origin
 * @param logVkey the log's verifier key, as the exporter trusted it
 * @param witnessVkeys cosigner keys whose signatures the checkpoint carries
 * @param checkpoint the signed checkpoint note
 * @param entries entries with their inclusion proofs in the checkpoint's tree, by ascending index
 * @param ledger the ledger evidence of a v2 bundle: filter, window and matches
 */
public record EvidenceBundle(
    String origin,
    String logVkey,
    List<String> witnessVkeys,
    String checkpoint,
    List<Entry> entries,
    Optional<LedgerEvidence> ledger) {
  public EvidenceBundle {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(logVkey, "logVkey");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(ledger, "ledger");
    witnessVkeys = List.copyOf(witnessVkeys);
    entries = List.copyOf(entries);
  }

  /** A v1 bundle: entries and their proofs, no ledger evidence. */
  public EvidenceBundle(
      String origin,
      String logVkey,
      List<String> witnessVkeys,
      String checkpoint,
      List<Entry> entries) {
    this(origin, logVkey, witnessVkeys, checkpoint, entries, Optional.empty());
  }

  /** The format version: 2 with ledger evidence, else 1. */
  public int version() {
    return ledger.isPresent() ? 2 : 1;
  }

  /**
   * One entry: its index, bytes, leaf hash and audit path (leaf to root; empty for the entries of a
   * v2 window, which its range proof covers), and in v2 the payload record stored beside it (empty
   * for clock marks, erased payloads and v1).
   */
  public record Entry(
      long index, byte[] data, Hash leafHash, List<Hash> proof, byte[] payloadRecord) {
    public Entry {
      Objects.requireNonNull(leafHash, "leafHash");
      data = data.clone();
      proof = List.copyOf(proof);
      payloadRecord = payloadRecord.clone();
    }

    /** A v1 entry: no payload record. */
    public Entry(long index, byte[] data, Hash leafHash, List<Hash> proof) {
      this(index, data, leafHash, proof, new byte[0]);
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    @Override
    public byte[] payloadRecord() {
      return payloadRecord.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry e
          && index == e.index
          && Arrays.equals(data, e.data)
          && leafHash.equals(e.leafHash)
          && proof.equals(e.proof)
          && Arrays.equals(payloadRecord, e.payloadRecord);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          index, Arrays.hashCode(data), leafHash, proof, Arrays.hashCode(payloadRecord));
    }

    @Override
    public String toString() {
      return "Entry[" + index + ", " + data.length + " bytes, leaf " + leafHash + "]";
    }
  }
}
