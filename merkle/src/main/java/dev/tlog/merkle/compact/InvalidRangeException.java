package dev.tlog.merkle.compact;

import dev.tlog.merkle.MerkleException;

/**
 * A compact range was asked for something outside its contract: {@code begin > end}, a negative
 * bound, a hash count that does not match the range's decomposition, a root of a range that does
 * not start at 0, or an append past the largest addressable leaf.
 */
public final class InvalidRangeException extends MerkleException {
  private static final long serialVersionUID = 1L;

  public InvalidRangeException(String message) {
    super(message);
  }
}
