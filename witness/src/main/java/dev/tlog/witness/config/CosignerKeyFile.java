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
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The witness's Ed25519 cosigning key (signature type 0x04) in a file holding one private key
 * string {@code PRIVATE+KEY+<name>+<hash>+<key>}. Created on first use as owner-only ({@code
 * rw-------}): written to a temporary file, fsynced, then atomically renamed into place.
 *
 * <p>Refused before anything is written: a key file that group or others may read or write (where
 * the filesystem has POSIX permissions), since whoever reads it can cosign as this witness; and a
 * missing key file when the witness already has state, since a new key is a different witness that
 * no log trusts. The log server's {@code LogKeyFile} has the same rules; this module does not
 * depend on it, and {@code merkle} (the shared module) does no I/O.
 */
public final class CosignerKeyFile {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private static final Set<PosixFilePermission> SHARED =
      Set.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE);

  private CosignerKeyFile() {}

  /**
   * Loads the key at {@code file}, or generates one named {@code name} if the file is missing and
   * there is no witness state yet ({@code stateExists} false). When {@code name} is non-null an
   * existing key must have that name.
   */
  public static Cosigner loadOrCreate(
      Path file, String name, boolean stateExists, SecureRandom random) {
    try {
      if (!Files.exists(file)) {
        if (stateExists) {
          throw new ConfigException(
              "key file "
                  + file
                  + " is missing but the data directory already holds witness state: a new key"
                  + " would make a different witness that no log trusts; restore the key file"
                  + " from your backup");
        }
        if (name == null) {
          throw new ConfigException("no key file " + file + " yet: give --name to create one");
        }
        create(file, name, random);
      }
      requireOwnerOnly(file);
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

  /** Refuses a key file group or others may read or write, naming its mode and the fix. */
  private static void requireOwnerOnly(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return; // no POSIX permissions on this filesystem: nothing to check
    }
    Set<PosixFilePermission> perms = view.readAttributes().permissions();
    if (perms.stream().anyMatch(SHARED::contains)) {
      int mode = 0;
      for (PosixFilePermission p : perms) {
        mode |= 1 << (8 - p.ordinal());
      }
      throw new ConfigException(
          "key file "
              + file
              + " has mode "
              + String.format("%03o", mode)
              + " ("
              + PosixFilePermissions.toString(perms)
              + "): group or others may read or write it, want 600 (rw-------); run: chmod 600 "
              + file);
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
