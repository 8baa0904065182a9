package dev.tlog.server;

import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.server.checkpoint.CheckpointSigner;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.errors.LogException;
import dev.tlog.server.errors.StorageException;
import dev.tlog.server.keys.LogKeyFile;
import dev.tlog.server.startup.StartupVerifier;
import dev.tlog.server.startup.StorageCheckProcess;
import dev.tlog.server.storage.DataDirLock;
import dev.tlog.server.storage.lmdb.LmdbLogStorage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.lmdbjava.LmdbException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tlog-server check-storage}: the storage walk of startup verification, run by the server in
 * a child JVM before it opens storage itself ({@link dev.tlog.server.startup.StorageCheckProcess}).
 * LMDB has no page checksums, so a damaged page can make the native reader crash the whole JVM;
 * here that crash ends only this process, and the server reports it. Hidden: run by the server, not
 * by people (it holds the data directory's lock while it runs, like the server).
 */
@Command(
    name = "check-storage",
    hidden = true,
    description = "Verifies a stopped log's storage (run by tlog-server in a child JVM).")
final class CheckStorageCommand implements Callable<Integer> {
  /** Printed on success, followed by the verified size. */
  static final String OK = "storage ok, size ";

  /**
   * Exit code when the storage itself is damaged (it cannot be opened or read, or it disagrees with
   * itself); a lock held elsewhere or a missing key is exit code 3 like a failed start.
   */
  static final int EXIT_CORRUPT = StorageCheckProcess.EXIT_CORRUPT;

  @Option(names = "--data-dir", required = true)
  Path dataDir;

  @Option(names = "--key-file", required = true)
  Path keyFile;

  @Option(names = "--origin", required = true)
  String origin;

  @Option(names = "--verify-on-start", defaultValue = "FULL")
  StartupVerifier.Mode verifyMode;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    // Orphaned by a killed server, the check would hold the lock its restart needs: end with it.
    ProcessHandle.current()
        .parent()
        .ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(EXIT_CORRUPT + 1)));
    try (DataDirLock lock = DataDirLock.acquire(dataDir)) {
      Ed25519NoteSigner key = LogKeyFile.loadOrCreate(keyFile, origin, true, new SecureRandom());
      try {
        long size = verify(key);
        spec.commandLine().getOut().println(OK + size);
        spec.commandLine().getOut().flush();
        return 0;
      } catch (StorageException e) {
        if (!(e.getCause() instanceof LmdbException)) {
          throw e; // not the pages: a wrong origin or mode, a full disk
        }
        return corrupt(e);
      } catch (RuntimeException e) {
        // StateMismatchException, an LMDB error, or a damaged value that did not parse.
        return corrupt(e);
      }
    }
  }

  private int corrupt(RuntimeException e) {
    String what = e instanceof LogException ? e.getMessage() : e.toString();
    spec.commandLine().getErr().println("tlog-server: " + what);
    spec.commandLine().getErr().flush();
    return EXIT_CORRUPT;
  }

  private long verify(Ed25519NoteSigner key) {
    try (LmdbLogStorage storage =
        LmdbLogStorage.open(dataDir.resolve("log"), origin, null, 1L << 20)) {
      PrintWriter err = spec.commandLine().getErr();
      SignedCheckpoint cp =
          new StartupVerifier(
                  storage,
                  new CheckpointSigner(origin, key),
                  VerifierKeys.parse(key.verifierKey()),
                  line -> {
                    // The server forwards these lines as they come (StorageCheckProcess).
                    err.println(line);
                    err.flush();
                  })
              .verify(verifyMode);
      return cp.size();
    }
  }
}
