package dev.tlog.merkle.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every vector file under hashing/, proofs/ and chain/ has a test that reads all its cases. */
class VectorFilesTest {
  private static final Set<String> CHECKED =
      Set.of(
          "hashing/leaf.json", // HashingVectorsTest
          "hashing/node.json",
          "hashing/tree.json",
          "hashing/compact.json",
          "proofs/inclusion.json", // ProofVectorsTest
          "proofs/consistency.json",
          "proofs/rfc6962-reference.json", // Rfc6962ReferenceTest
          "chain/chain.json"); // ChainVectorsTest

  @Test
  void everyFileInTheseDirectoriesIsChecked() throws IOException {
    Set<String> found = new TreeSet<>();
    for (String dir : new String[] {"hashing", "proofs", "chain"}) {
      Path root = Vectors.root();
      try (Stream<Path> files = Files.walk(root.resolve(dir))) {
        files
            .filter(Files::isRegularFile)
            .forEach(f -> found.add(root.relativize(f).toString().replace('\\', '/')));
      }
    }
    assertEquals(new TreeSet<>(CHECKED), found);
  }
}
