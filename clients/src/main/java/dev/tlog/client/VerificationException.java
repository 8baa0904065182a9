package dev.tlog.client;

/**
 * Something the log (or a bundle) presented did not verify: a signature, a proof, a root, a chain
 * head, a leaf hash, or data that does not even parse. The message says what and carries got/want
 * values; the cause, when present, is the merkle library's typed exception.
 */
public class VerificationException extends TlogClientException {
  private static final long serialVersionUID = 1L;

  public VerificationException(String message) {
    super(message);
  }

  public VerificationException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public Failure category() {
    return Failure.VERIFICATION_FAILED;
  }
}
