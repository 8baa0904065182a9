package dev.tlog.merkle.bundle;

import dev.tlog.merkle.MerkleException;

/** The bytes are not a canonical {@code tlog-evidence-bundle/v1} file. Vector label: FORMAT. */
public final class BundleFormatException extends MerkleException {
  private static final long serialVersionUID = 1L;

  public BundleFormatException(String message) {
    super("malformed bundle: " + message);
  }

  public BundleFormatException(String message, Throwable cause) {
    super("malformed bundle: " + message, cause);
  }
}
