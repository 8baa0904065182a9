package dev.tlog.merkle.proof;

/** A proof does not have the number of hashes its sizes imply. */
public final class ProofLengthException extends ProofException {
  private static final long serialVersionUID = 1L;

  private final int got;
  private final int want;

  public ProofLengthException(String what, int got, int want) {
    super(what + " has " + got + " hashes, want " + want);
    this.got = got;
    this.want = want;
  }

  public int got() {
    return got;
  }

  public int want() {
    return want;
  }
}
