package dev.tlog.merkle.note;

/** A well-formed key names a signature algorithm this library does not implement. */
public final class UnsupportedKeyAlgorithmException extends KeyFormatException {
  private static final long serialVersionUID = 1L;

  private final int algorithm;

  public UnsupportedKeyAlgorithmException(int algorithm, String message) {
    super(message);
    this.algorithm = algorithm;
  }

  /** The signature type byte, 0–255. */
  public int algorithm() {
    return algorithm;
  }
}
