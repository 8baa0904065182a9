package dev.tlog.merkle.bundle;

import dev.tlog.merkle.hash.Hash;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The content of an evidence bundle. The instructions are fixed per format version ({@link
 * BundleInstructions}) and so are not a field.
 *
 * @param origin the log's origin
 * @param logVkey the log's verifier key, as the exporter trusted it
 * @param witnessVkeys cosigner keys whose signatures the checkpoint carries
 * @param checkpoint the signed checkpoint note
 * @param entries entries with their inclusion proofs in the checkpoint's tree, by ascending index
 */
public record EvidenceBundle(
    String origin,
    String logVkey,
    List<String> witnessVkeys,
    String checkpoint,
    List<Entry> entries) {
  public EvidenceBundle {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(logVkey, "logVkey");
    Objects.requireNonNull(checkpoint, "checkpoint");
    witnessVkeys = List.copyOf(witnessVkeys);
    entries = List.copyOf(entries);
  }

  /** One entry: its index, bytes, leaf hash and audit path (leaf to root). */
  public record Entry(long index, byte[] data, Hash leafHash, List<Hash> proof) {
    public Entry {
      Objects.requireNonNull(leafHash, "leafHash");
      data = data.clone();
      proof = List.copyOf(proof);
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry e
          && index == e.index
          && Arrays.equals(data, e.data)
          && leafHash.equals(e.leafHash)
          && proof.equals(e.proof);
    }

    @Override
    public int hashCode() {
      return Objects.hash(index, Arrays.hashCode(data), leafHash, proof);
    }

    @Override
    public String toString() {
      return "Entry[" + index + ", " + data.length + " bytes, leaf " + leafHash + "]";
    }
  }
}
