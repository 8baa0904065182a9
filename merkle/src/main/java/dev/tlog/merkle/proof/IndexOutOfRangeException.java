package dev.tlog.merkle.proof;

/**
 * Indexes or tree sizes violate a proof's range contract ({@code 0 <= index < treeSize}, {@code 0
 * <= first <= second}, a valid subtree range). Checked before any other work.
 */
public final class IndexOutOfRangeException extends ProofException {
  private static final long serialVersionUID = 1L;

  public IndexOutOfRangeException(String message) {
    super(message);
  }
}
