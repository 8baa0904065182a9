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
    INCLUSION_PROOF,
    /**
     * v2 window: the entries are not exactly the window's range, carry proofs of their own, or the
     * range proof does not lead from their leaves to the checkpoint's root.
     */
    RANGE,
    /** v2: an entry is not a canonical ledger entry (or, without a window, not an event). */
    LEDGER_ENTRY,
    /** v2: a payload record does not parse or does not match its entry's commitment. */
    PAYLOAD,
    /** v2: the window's bounds or clock marks break spec/ledger.md, "Complete windows". */
    WINDOW,
    /** v2: the filter is invalid, or the events it matches are not exactly the listed matches. */
    MATCHES
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
