package dev.tlog.merkle.checkpoint;

import dev.tlog.merkle.MerkleException;

/** A validly signed checkpoint names a different log than the caller expected. */
public final class WrongOriginException extends MerkleException {
  private static final long serialVersionUID = 1L;

  private final String expected;
  private final String actual;

  public WrongOriginException(String expected, String actual) {
    super("checkpoint origin is \"" + actual + "\", expected \"" + expected + "\"");
    this.expected = expected;
    this.actual = actual;
  }

  public String expected() {
    return expected;
  }

  public String actual() {
    return actual;
  }
}
