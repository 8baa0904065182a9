package dev.tlog.client;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.proof.InclusionProof;
import java.util.Objects;

/**
 * An entry whose inclusion in a verified checkpoint's tree was checked: {@code SHA-256(0x00||data)
 * == leafHash} and {@code proof} leads from it to the checkpoint's root.
 */
public record VerifiedEntry(long index, byte[] data, Hash leafHash, InclusionProof proof) {
  public VerifiedEntry {
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(proof, "proof");
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
