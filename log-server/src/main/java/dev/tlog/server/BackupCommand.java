package dev.tlog.server;

import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.server.checkpoint.CheckpointSigner;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.errors.LogException;
import dev.tlog.server.errors.StorageException;
import dev.tlog.server.keys.LogKeyFile;
import dev.tlog.server.startup.StartupVerifier;
import dev.tlog.server.storage.lmdb.LmdbBackup;
import dev.tlog.server.storage.lmdb.LmdbLogStorage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tlog-server backup --data-dir D --out DIR}: a consistent copy of a log, taken while its
 * server runs or not ({@link LmdbBackup}; spec/storage.md, "Backups"). It does not take {@code
 * D/tlog.lock}. The copy ({@code DIR/log/data.mdb}) and the key ({@code DIR/log.key}, mode 600) are
 * then checked with the server's full startup verification, read-only, and the backed-up size, root
 * and signed checkpoint printed. Restoring is copying both back (README, "Restoring from a
 * backup").
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    version = "tlog-server 0.1.0",
    description =
        "Copies a log (running or stopped) into an empty directory: <out>/log/data.mdb and"
            + " <out>/log.key; then verifies the copy and prints its size, root and checkpoint.")
final class BackupCommand implements Callable<Integer> {
  /** Exit code when there is nothing to back up or nowhere to put it. */
  static final int EXIT_REFUSED = 2;

  /** Exit code when the copy does not verify: it is not a usable backup. */
  static final int EXIT_BAD_COPY = Main.EXIT_STORAGE_CORRUPT;

  /** Printed on success, followed by the backed-up size. */
  static final String VERIFIED = "backup verified: size ";

  @Option(
      names = "--data-dir",
      defaultValue = "data",
      description = "Data directory of the log (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--key-file",
      description = "The log's signing key (default: <data-dir>/log.key).")
  Path keyFile;

  @Option(
      names = "--out",
      required = true,
      description = "Where the backup goes: a new or empty directory.")
  Path out;

  @Option(
      names = "--progress-step",
      hidden = true,
      defaultValue = "1000000",
      description = "Entries between two progress lines of the verification.")
  long progressStep;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path logDir = dataDir.resolve("log");
    Path key = keyFile != null ? keyFile : dataDir.resolve("log.key");
    String refusal = refusal(logDir, key);
    if (refusal != null) {
      err.println("tlog-server backup: " + refusal);
      return EXIT_REFUSED;
    }
    Path outLog = Files.createDirectories(out.resolve("log"));
    long source = Files.size(logDir.resolve("data.mdb"));
    stdout.printf("backing up %s (data.mdb %d bytes) to %s%n", logDir, source, outLog);
    stdout.flush();
    LmdbBackup.Copied copied =
        LmdbBackup.copy(
            logDir,
            outLog,
            Duration.ofSeconds(2),
            written -> {
              // The source is an upper bound (unused pages at its end are not copied) that grows.
              err.printf(
                  Locale.ROOT,
                  "tlog-server backup: copying: %d of about %d bytes%n",
                  written,
                  source);
              err.flush();
            });
    stdout.printf(
        Locale.ROOT,
        "copied %d bytes in %.1f s%n",
        copied.bytes(),
        copied.elapsed().toMillis() / 1000.0);
    stdout.flush();
    try (LmdbLogStorage copy = LmdbLogStorage.openReadOnly(outLog)) {
      // Checks the key's permissions and that it is this log's: a backup must be restorable.
      Ed25519NoteSigner signer =
          LogKeyFile.loadOrCreate(key, copy.origin(), true, new SecureRandom());
      writeKey(signer, out.resolve("log.key"));
      SignedCheckpoint cp;
      try {
        cp =
            new StartupVerifier(
                    copy,
                    new CheckpointSigner(copy.origin(), signer),
                    VerifierKeys.parse(signer.verifierKey()),
                    Runtime.getRuntime().availableProcessors(),
                    line -> {
                      err.println("tlog-server backup: " + line);
                      err.flush();
                    },
                    progressStep)
                .verify(StartupVerifier.Mode.FULL);
      } catch (RuntimeException e) {
        String what = e instanceof LogException ? e.getMessage() : e.toString();
        err.println(
            "tlog-server backup: the copy in " + out + " does not verify, do not use it: " + what);
        return EXIT_BAD_COPY;
      }
      stdout.println(VERIFIED + cp.size() + ", root " + cp.checkpoint().root());
      stdout.println("origin: " + copy.origin() + " (" + copy.mode().label() + ")");
      stdout.println("checkpoint:");
      stdout.print(cp.note());
      stdout.println("key: " + out.resolve("log.key") + " (mode 600)");
      stdout.flush();
      return 0;
    }
  }

  /** Why this backup cannot start, or null. */
  private String refusal(Path logDir, Path key) throws IOException {
    if (!LmdbLogStorage.exists(logDir)) {
      return "no log in " + logDir;
    }
    if (!Files.exists(key)) {
      return "key file "
          + key
          + " is missing: a log cannot be restored without its key (give --key-file)";
    }
    if (Files.exists(out)) {
      if (!Files.isDirectory(out)) {
        return out + " exists and is not a directory";
      }
      try (Stream<Path> in = Files.list(out)) {
        if (in.findAny().isPresent()) {
          return out + " is not empty: a backup goes into a new or empty directory";
        }
      }
    }
    return null;
  }

  private static void writeKey(Ed25519NoteSigner signer, Path to) {
    try {
      Files.createFile(
          to, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(to, signer.privateKey() + "\n");
    } catch (IOException | UnsupportedOperationException e) {
      throw new StorageException("cannot write the key to " + to + ": " + e.getMessage(), e);
    }
  }
}
