package dev.tlog.merkle.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one coverage check for all of spec/vectors/**: every file, in any directory, is registered
 * here with the test that reads it; that test's source names the file; and every file holds
 * negative cases ({@code "error"} labels), as spec/README.md promises. A new file or directory
 * fails this test until a test reads it.
 */
class VectorCoverageTest {
  private static final String MERKLE = "merkle/src/test/java/dev/tlog/merkle/";
  private static final Map<String, String> READ_BY =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry(
                  "bundle/bundles.json",
                  "clients/src/test/java/dev/tlog/client/bundle/" + "BundleVectorsTest.java"),
              Map.entry(
                  "bundle/ledger-bundles.json",
                  "clients/src/test/java/dev/tlog/client/bundle/" + "BundleVectorsTest.java"),
              Map.entry("chain/chain.json", MERKLE + "chain/ChainVectorsTest.java"),
              Map.entry("checkpoint/bodies.json", MERKLE + "checkpoint/CheckpointVectorsTest.java"),
              Map.entry("checkpoint/signed.json", MERKLE + "checkpoint/CheckpointVectorsTest.java"),
              Map.entry(
                  "cosignature/cosignatures.json",
                  MERKLE + "cosignature/CosignatureVectorsTest.java"),
              Map.entry("hashing/compact.json", MERKLE + "hash/HashingVectorsTest.java"),
              Map.entry("hashing/leaf.json", MERKLE + "hash/HashingVectorsTest.java"),
              Map.entry("hashing/node.json", MERKLE + "hash/HashingVectorsTest.java"),
              Map.entry("hashing/tree.json", MERKLE + "hash/HashingVectorsTest.java"),
              Map.entry("ledger/ledger.json", MERKLE + "ledger/LedgerVectorsTest.java"),
              Map.entry("note/keys.json", MERKLE + "note/NoteVectorsTest.java"),
              Map.entry("note/notes.json", MERKLE + "note/NoteVectorsTest.java"),
              Map.entry("note/sign.json", MERKLE + "note/NoteVectorsTest.java"),
              Map.entry("proofs/consistency.json", MERKLE + "proof/ProofVectorsTest.java"),
              Map.entry("proofs/inclusion.json", MERKLE + "proof/ProofVectorsTest.java"),
              Map.entry(
                  "proofs/rfc6962-reference.json", MERKLE + "proof/Rfc6962ReferenceTest.java"),
              Map.entry("tiles/entry_bundles.json", MERKLE + "tile/TileVectorsTest.java"),
              Map.entry("tiles/log_2.json", MERKLE + "tile/TileVectorsTest.java"),
              Map.entry("tiles/log_300.json", MERKLE + "tile/TileVectorsTest.java"),
              Map.entry("tiles/paths.json", MERKLE + "tile/TileVectorsTest.java"),
              Map.entry("tiles/tiles_for_size.json", MERKLE + "tile/TileVectorsTest.java")));

  @Test
  void everyVectorFileIsRegisteredWithATestThatNamesIt() throws IOException {
    Path root = Vectors.root();
    TreeSet<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(Files::isRegularFile)
          .forEach(f -> found.add(root.relativize(f).toString().replace('\\', '/')));
    }
    assertEquals(READ_BY.keySet(), found, "vector files without a registered reader, or gone");
    Path repo = root.toAbsolutePath().normalize().getParent().getParent();
    for (var e : READ_BY.entrySet()) {
      Path test = repo.resolve(e.getValue());
      assertTrue(Files.isRegularFile(test), e.getValue() + " does not exist");
      assertTrue(
          Files.readString(test).contains("\"" + e.getKey() + "\""),
          e.getValue() + " does not name \"" + e.getKey() + "\"");
    }
  }

  @Test
  void everyVectorFileHasNegativeCases() {
    for (String file : READ_BY.keySet()) {
      assertTrue(hasError(Vectors.load(file)), file + " has no case with an \"error\" label");
    }
  }

  private static boolean hasError(JsonNode n) {
    if (n.isObject() && n.has("error")) {
      return true;
    }
    for (JsonNode child : n) {
      if (hasError(child)) {
        return true;
      }
    }
    return false;
  }
}
