package dev.tlog.server.keys;

import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.server.errors.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The log's Ed25519 signing key in a file holding one C2SP/Go-note private key string ({@code
 * PRIVATE+KEY+<name>+<hash>+<key>}). Generated on first use with owner-only permissions; the key
 * name must equal the log's origin.
 *
 * <p>Refused before anything is written: a key file that group or others may read or write (where
 * the filesystem has POSIX permissions), because anyone who can read it can sign checkpoints as
 * this log; and a missing key file when a log already exists, because a new key would sign a
 * different log's checkpoints for the same entries (README "Key file").
 */
public final class LogKeyFile {
  private LogKeyFile() {}

  /**
   * Loads the key at {@code file}, or generates and stores a new one named {@code origin} when
   * there is no log yet ({@code logExists} false).
   */
  public static Ed25519NoteSigner loadOrCreate(
      Path file, String origin, boolean logExists, SecureRandom random) {
    try {
      if (!Files.exists(file)) {
        if (logExists) {
          throw new StorageException(
              "key file "
                  + file
                  + " is missing but the data directory already holds a log: a new key would make"
                  + " a different log that no client or witness trusts; restore the key file from"
                  + " your backup (or pass --key-file with its path)");
        }
        create(file, origin, random);
      }
      KeyFilePermissions.requireOwnerOnly(file);
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      Ed25519NoteSigner signer = Ed25519NoteSigner.fromPrivateKey(text);
      if (!signer.name().equals(origin)) {
        throw new StorageException(
            "key file "
                + file
                + " is for \""
                + signer.name()
                + "\", not origin \""
                + origin
                + "\"");
      }
      return signer;
    } catch (IOException e) {
      throw new StorageException(
          "cannot read or write key file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void create(Path file, String origin, SecureRandom random) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Ed25519NoteSigner signer = Ed25519NoteSigner.generate(origin, random);
    Path tmp =
        Files.createTempFile(
            dir,
            ".log-key",
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(tmp, signer.privateKey() + "\n", StandardCharsets.UTF_8);
      try (var ch =
          java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // Another process created it first; use theirs.
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
