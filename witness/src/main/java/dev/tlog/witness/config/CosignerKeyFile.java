package dev.tlog.witness.config;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.cosignature.Cosigner;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The witness's Ed25519 cosigning key (signature type 0x04) in a file holding one private key
 * string {@code PRIVATE+KEY+<name>+<hash>+<key>}. Created on first use as owner-only ({@code
 * rw-------}): written to a temporary file, fsynced, then atomically renamed into place.
 */
public final class CosignerKeyFile {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private CosignerKeyFile() {}

  /**
   * Loads the key at {@code file}, or generates one named {@code name} if the file is missing. When
   * {@code name} is non-null an existing key must have that name.
   */
  public static Cosigner loadOrCreate(Path file, String name, SecureRandom random) {
    try {
      if (!Files.exists(file)) {
        if (name == null) {
          throw new ConfigException("no key file " + file + " yet: give --name to create one");
        }
        create(file, name, random);
      }
      Cosigner cosigner = Cosigner.fromPrivateKey(Files.readString(file).strip());
      if (name != null && !cosigner.name().equals(name)) {
        throw new ConfigException(
            "key file "
                + file
                + " is for \""
                + cosigner.name()
                + "\", not --name \""
                + name
                + "\"");
      }
      return cosigner;
    } catch (IOException e) {
      throw new ConfigException("cannot read or write key file " + file + ": " + e.getMessage(), e);
    } catch (MerkleException e) {
      throw new ConfigException("key file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void create(Path file, String name, SecureRandom random) throws IOException {
    Cosigner cosigner = Cosigner.generate(name, random);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp =
        Files.createTempFile(
            dir, ".witness-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      Files.writeString(tmp, cosigner.privateKey() + "\n", StandardCharsets.UTF_8);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(dir);
    } catch (FileAlreadyExistsException e) {
      // Another process created it first; use theirs.
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Makes the rename durable (fsync of the directory entry). */
  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
