package dev.tlog.merkle.testing;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fails when a vector file appears under note/, checkpoint/ or cosignature/ that no test reads. */
class VectorCoverageTest {
  private static final Set<String> READ =
      Set.of(
          "note/notes.json",
          "note/sign.json",
          "note/keys.json",
          "checkpoint/bodies.json",
          "checkpoint/signed.json",
          "cosignature/cosignatures.json");

  @Test
  void everyNoteCheckpointAndCosignatureVectorFileIsRead() throws IOException {
    Set<String> found = new TreeSet<>();
    for (String dir : new String[] {"note", "checkpoint", "cosignature"}) {
      try (Stream<Path> files = Files.walk(Vectors.root().resolve(dir))) {
        files
            .filter(Files::isRegularFile)
            .forEach(f -> found.add(Vectors.root().relativize(f).toString().replace('\\', '/')));
      }
    }
    assertEquals(new TreeSet<>(READ), found);
  }
}
