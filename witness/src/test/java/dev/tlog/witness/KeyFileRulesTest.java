package dev.tlog.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tlog.witness.config.ConfigException;
import dev.tlog.witness.config.WitnessConfig;
import dev.tlog.witness.testing.TestWitness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real witness refuses a key file others may read and a missing key when it already has state,
 * before writing anything.
 */
class KeyFileRulesTest {
  @TempDir Path dir;

  private static final WitnessConfig CONFIG = TestWitness.config(List.of(), Map.of());

  @Test
  void aKeyFileOthersMayReadIsRefusedBeforeAnythingIsWritten() throws Exception {
    assumeTrue(
        Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null,
        "filesystem without POSIX permissions");
    Path w = dir.resolve("w");
    TestWitness.start(w, CONFIG).close();
    Path key = w.resolve("witness.key");
    Path fresh = dir.resolve("fresh");
    Files.createDirectories(fresh);
    Files.copy(key, fresh.resolve("witness.key"));
    for (Path d : List.of(w, fresh)) {
      Path k = d.resolve("witness.key");
      Files.setPosixFilePermissions(k, PosixFilePermissions.fromString("rw-r--r--"));
      ConfigException e = assertThrows(ConfigException.class, () -> TestWitness.start(d, CONFIG));
      assertTrue(
          e.getMessage().contains(k.toString())
              && e.getMessage().contains("mode 644")
              && e.getMessage().contains("chmod 600"),
          e.getMessage());
    }
    assertFalse(Files.exists(fresh.resolve("state")), "state was created");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    TestWitness.start(w, CONFIG).close();
  }

  @Test
  void aMissingKeyWithExistingStateIsRefusedWithoutMakingOne() throws Exception {
    TestWitness.start(dir, CONFIG).close();
    Path key = dir.resolve("witness.key");
    String original = Files.readString(key);
    Files.delete(key);
    List<Path> before = listing(dir);
    ConfigException e = assertThrows(ConfigException.class, () -> TestWitness.start(dir, CONFIG));
    assertTrue(
        e.getMessage().contains(key.toString())
            && e.getMessage().contains("missing")
            && e.getMessage().contains("different witness"),
        e.getMessage());
    assertFalse(Files.exists(key), "a new key was written");
    assertEquals(before, listing(dir), "files appeared");
    Files.writeString(key, original);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    TestWitness.start(dir, CONFIG).close();
  }

  private static List<Path> listing(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.getFileName().toString().equals("lock.mdb")).sorted().toList();
    }
  }
}
