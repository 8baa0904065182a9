package dev.tlog.server.keys;

import dev.tlog.server.errors.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The owner-only rule for private key files: a key that group or others may read or write is
 * refused, on filesystems with POSIX permissions (elsewhere there is nothing to check). The witness
 * has the same rule in its own {@code CosignerKeyFile}; it does not depend on this module.
 */
final class KeyFilePermissions {
  private static final Set<PosixFilePermission> SHARED =
      Set.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE);

  private KeyFilePermissions() {}

  /** {@link StorageException} naming the file, its mode and the fix unless it is owner-only. */
  static void requireOwnerOnly(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> perms = view.readAttributes().permissions();
    if (perms.stream().anyMatch(SHARED::contains)) {
      throw new StorageException(
          "key file "
              + file
              + " has mode "
              + octal(perms)
              + " ("
              + PosixFilePermissions.toString(perms)
              + "): group or others may read or write it, want 600 (rw-------); run: chmod 600 "
              + file);
    }
  }

  /** Permissions as the three octal digits {@code chmod} and {@code ls} users know. */
  static String octal(Set<PosixFilePermission> perms) {
    int mode = 0;
    for (PosixFilePermission p : perms) {
      mode |= 1 << (8 - p.ordinal());
    }
    return String.format("%03o", mode);
  }
}
