package dev.tlog.server.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.server.errors.CorruptStorageException;
import dev.tlog.server.errors.StorageException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How {@link StorageCheckProcess} reads the end of a real child JVM: one that really dies of
 * SIGSEGV (it reads address 0 through {@code sun.misc.Unsafe}, as a wild LMDB page pointer would),
 * one that reports damage (exit code 4), one that cannot run (exit code 3), one that passes.
 */
class StorageCheckProcessTest {
  /** A child's main: {@code segv}, {@code corrupt}, {@code in-use} or {@code ok}. */
  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "segv" -> {
        Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        ((sun.misc.Unsafe) f.get(null)).getLong(0L);
      }
      case "corrupt" -> {
        System.err.println("tlog-server: entry 5 hashes to 3f2a, but its level-0 tile stores 9b1c");
        System.exit(StorageCheckProcess.EXIT_CORRUPT);
      }
      case "in-use" -> {
        System.err.println("tlog-server: data directory d is in use");
        System.exit(3);
      }
      default -> System.out.println("storage ok, size 0");
    }
  }

  private static StorageCheckProcess child(String what) {
    return new StorageCheckProcess(
        StorageCheckProcess.javaCommand(StorageCheckProcessTest.class.getName(), List.of(what)));
  }

  @Test
  void aSigsegvInTheCheckIsACorruptStorageVerdictNamingTheSignal() {
    CorruptStorageException e =
        assertThrows(CorruptStorageException.class, () -> child("segv").run(Path.of("d")));
    assertTrue(
        e.getMessage().startsWith("storage in d is corrupt (the check crashed with SIGSEGV)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("restore from a backup, see README"), e.getMessage());
  }

  @Test
  void damageTheCheckFoundIsNamed() {
    CorruptStorageException e =
        assertThrows(CorruptStorageException.class, () -> child("corrupt").run(Path.of("d")));
    assertEquals(
        "storage in d is corrupt (the check found: entry 5 hashes to 3f2a, but its level-0 tile"
            + " stores 9b1c) — restore from a backup, see README (\"Restoring from a backup\")",
        e.getMessage());
  }

  @Test
  void aCheckThatCannotRunIsNotACorruptionVerdict() {
    StorageException e =
        assertThrows(StorageException.class, () -> child("in-use").run(Path.of("d")));
    assertEquals("cannot check storage in d: data directory d is in use", e.getMessage());
  }

  @Test
  void aPassingCheckReturnsItsOutput() {
    assertEquals("storage ok, size 0", child("ok").run(Path.of("d")).strip());
  }
}
