package dev.tlog.witness.errors;

/**
 * Root of the witness's typed exceptions. Each subclass stands for one HTTP outcome; the mapping
 * lives in {@code dev.tlog.witness.http.HttpErrors} and nowhere else. A request that ends in one of
 * these has changed no witness state (fork evidence aside, which is only ever added).
 */
public abstract sealed class WitnessException extends RuntimeException
    permits MalformedRequestException,
        UnsupportedMediaTypeException,
        UnknownOriginException,
        UntrustedCheckpointException,
        OldSizeMismatchException,
        ConflictingCheckpointException,
        InconsistentCheckpointException,
        NotFoundException,
        StateException {
  private static final long serialVersionUID = 1L;

  protected WitnessException(String message) {
    super(message);
  }

  protected WitnessException(String message, Throwable cause) {
    super(message, cause);
  }
}
