package dev.tlog.spec;

/**
 * spec/vectors/proofs/*.json: inclusion and consistency proofs with their mutations, and the RFC
 * 6962 reference tree's published known answers (spec/proofs.md).
 */
public final class ProofVectors {
  private ProofVectors() {}

  public static void writeAll(VectorWriter w) {
    InclusionVectors.write(w);
    ConsistencyVectors.write(w);
    Rfc6962ReferenceVectors.write(w);
  }
}
