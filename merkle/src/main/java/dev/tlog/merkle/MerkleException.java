package dev.tlog.merkle;

/**
 * Root of every exception the merkle library throws on bad input or failed verification.
 *
 * <p>All library exceptions are unchecked and typed; transports map them to gRPC or HTTP statuses
 * in one place. A library method that throws one of these has changed nothing observable.
 */
public abstract class MerkleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected MerkleException(String message) {
    super(message);
  }

  protected MerkleException(String message, Throwable cause) {
    super(message, cause);
  }
}
