package dev.tlog.spec;

import java.nio.file.Path;

/**
 * Regenerates every file under spec/vectors. Run: {@code mvn -B -q -Pvectors -pl spec -am
 * process-classes}. Output is deterministic; CI regenerates and fails on any difference.
 */
public final class VectorGenerator {
  private VectorGenerator() {}

  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : "spec/vectors");
    VectorWriter w = new VectorWriter(root);
    // One line per format; each class writes its own files.
    HashingVectors.writeAll(w);
    ProofVectors.writeAll(w);
    ChainVectors.writeAll(w);
    TileVectors.writeAll(w);
    NoteVectors.writeAll(w);
    CheckpointVectors.writeAll(w);
    CosignatureVectors.writeAll(w);
    BundleVectors.writeAll(w);
    LedgerVectors.writeAll(w);
    LedgerBundleVectors.writeAll(w);
  }
}
