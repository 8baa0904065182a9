package dev.tlog.client.bundle;

import dev.tlog.client.VerificationException;

/** The bytes are not a canonical {@code tlog-evidence-bundle/v1} file. Vector label: FORMAT. */
public final class BundleFormatException extends VerificationException {
  private static final long serialVersionUID = 1L;

  public BundleFormatException(String message) {
    super("malformed bundle: " + message);
  }

  public BundleFormatException(String message, Throwable cause) {
    super("malformed bundle: " + message, cause);
  }
}
