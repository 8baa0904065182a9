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
 */
public final class LogKeyFile {
  private LogKeyFile() {}

  /** Loads the key at {@code file}, or generates and stores a new one named {@code origin}. */
  public static Ed25519NoteSigner loadOrCreate(Path file, String origin, SecureRandom random) {
    try {
      if (!Files.exists(file)) {
        create(file, origin, random);
      }
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
