package dev.tlog.mirror.verify;

/**
 * An object the upstream served does not verify: malformed, an entry whose leaf hash is not in its
 * tile, a tile hash that is not the hash of the tile below, a prefix that differs from what the
 * mirror stored, or a root that is not the checkpoint's. Tiles carry no signature, so this alone
 * proves nothing about the log: it may be a corrupt cache ({@link ForkCheck} decides).
 */
public final class VerificationFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public VerificationFailedException(String message) {
    super(message);
  }

  public VerificationFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
