package dev.tlog.client.bundle;

import dev.tlog.client.VerificationException;

/** A well-formed bundle failed a check; {@link #failure()} says which. */
public final class BundleVerificationException extends VerificationException {
  private static final long serialVersionUID = 1L;

  /** What failed; the names are the error labels of the bundle vectors. */
  public enum Failure {
    /** The bundle's log key is not the key the verifier trusts, or does not parse. */
    LOG_KEY,
    /** The checkpoint is not validly signed by the log key, or is malformed or for another log. */
    CHECKPOINT,
    /**
     * The checkpoint carries a signature by a key the bundle does not name, or a bad cosignature.
     */
    UNKNOWN_SIGNATURE,
    /** An entry's data does not hash to its leaf hash. */
    LEAF_HASH,
    /** An inclusion proof does not lead from the leaf hash to the checkpoint's root. */
    INCLUSION_PROOF
  }

  private final Failure failure;

  public BundleVerificationException(Failure failure, String message, Throwable cause) {
    super(failure + ": " + message, cause);
    this.failure = failure;
  }

  public Failure failure() {
    return failure;
  }
}
