package dev.tlog.server.security.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The auth file, re-read whenever it changes: each {@link #current()} compares the file's
 * modification time, size and file key with those last read, so a removed token stops working on
 * the next call, without a restart. A file that stops parsing or disappears fails closed: {@link
 * #current()} throws until it is fixed, so a botched edit never re-admits a revoked token. Atomic
 * replacement (write a temporary file, rename) is the safe way to edit it. Thread-safe.
 */
public final class CredentialsFile {
  private static final System.Logger LOG = System.getLogger(CredentialsFile.class.getName());

  private final Path path;
  private Stamp stamp;
  private Credentials credentials;
  private RuntimeException failure;

  private record Stamp(long modifiedNanos, long size, Object fileKey) {}

  private CredentialsFile(Path path) {
    this.path = path;
  }

  /** Reads {@code path} now; a missing or malformed file fails the server's start. */
  public static CredentialsFile open(Path path) {
    CredentialsFile f = new CredentialsFile(path);
    f.current();
    return f;
  }

  /** The credentials as the file says now. */
  public synchronized Credentials current() {
    Stamp now;
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      now = new Stamp(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size(), a.fileKey());
    } catch (IOException e) {
      throw failed(null, new IllegalStateException("cannot read auth file " + path + ": " + e, e));
    }
    if (Objects.equals(now, stamp)) {
      if (failure != null) {
        throw failure;
      }
      return credentials;
    }
    try {
      if (now.size() > Credentials.MAX_BYTES) {
        throw new IllegalArgumentException(
            "is " + now.size() + " bytes, more than " + Credentials.MAX_BYTES);
      }
      byte[] bytes = Files.readAllBytes(path);
      Credentials c = Credentials.parse(new String(bytes, StandardCharsets.UTF_8));
      boolean reload = stamp != null;
      stamp = now;
      credentials = c;
      failure = null;
      if (reload) {
        LOG.log(System.Logger.Level.INFO, "auth file " + path + " changed: re-read");
      }
      return c;
    } catch (IOException | IllegalArgumentException e) {
      throw failed(now, new IllegalStateException("auth file " + path + ": " + e.getMessage(), e));
    }
  }

  /** Remembers {@code e} as the file's state at {@code at} (null: retry on the next call). */
  private RuntimeException failed(Stamp at, RuntimeException e) {
    if (failure == null || !Objects.equals(failure.getMessage(), e.getMessage())) {
      LOG.log(
          System.Logger.Level.ERROR, e.getMessage() + "; refusing every credential until fixed");
    }
    stamp = at;
    credentials = null;
    failure = e;
    return e;
  }

  public Path path() {
    return path;
  }
}
