package dev.tlog.server.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.server.errors.StorageException;
import dev.tlog.server.testing.TestLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server refuses a key file others may read and a missing key for an existing log, before it
 * writes anything (real server, real LMDB).
 */
class LogKeyFileTest {
  @TempDir Path dir;

  private static boolean posix(Path p) {
    return Files.getFileAttributeView(p, PosixFileAttributeView.class) != null;
  }

  @Test
  void aKeyFileOthersMayReadIsRefusedBeforeAnythingIsWritten() throws Exception {
    assumeTrue(posix(dir), "filesystem without POSIX permissions");
    Path key = dir.resolve("log.key");
    // A key generated elsewhere, then left world-readable (e.g. copied with the default umask).
    try (TestLog log = TestLog.start(dir.resolve("other"))) {
      Files.copy(dir.resolve("other").resolve("log.key"), key);
    }
    for (String mode : List.of("rw-r--r--", "rw----r--", "rw--w----")) {
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(mode));
      StorageException e =
          assertThrows(StorageException.class, () -> TestLog.start(TestLog.config(dir)));
      assertTrue(
          e.getMessage().contains(key.toString())
              && e.getMessage().contains(mode)
              && e.getMessage().contains("chmod 600"),
          e.getMessage());
      assertFalse(Files.exists(dir.resolve("log")), "a log was created: " + e.getMessage());
    }
    assertTrue(
        assertThrows(StorageException.class, () -> TestLog.start(TestLog.config(dir)))
            .getMessage()
            .contains("mode 620"));
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    TestLog.start(dir).close();
  }

  @Test
  void aMissingKeyForAnExistingLogIsRefusedWithoutMakingOne() throws Exception {
    try (TestLog log = TestLog.start(dir)) {
      log.blocking.append(
          AppendRequest.newBuilder().setData(ByteString.copyFromUtf8("kept")).build());
    }
    Path key = dir.resolve("log.key");
    String original = Files.readString(key);
    Files.delete(key);
    List<Path> before = listing(dir);
    StorageException e =
        assertThrows(StorageException.class, () -> TestLog.start(TestLog.config(dir)));
    assertTrue(
        e.getMessage().contains(key.toString())
            && e.getMessage().contains("missing")
            && e.getMessage().contains("different log"),
        e.getMessage());
    assertFalse(Files.exists(key), "a new key was written");
    assertEquals(before, listing(dir), "files appeared");
    Files.writeString(key, original);
    if (posix(dir)) {
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    }
    TestLog.start(dir).close();
  }

  @Test
  void aNewLogGetsAnOwnerOnlyKey() throws Exception {
    TestLog.start(dir).close();
    if (posix(dir)) {
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("log.key"))));
    }
  }

  private static List<Path> listing(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.getFileName().toString().equals("lock.mdb")).sorted().toList();
    }
  }
}
