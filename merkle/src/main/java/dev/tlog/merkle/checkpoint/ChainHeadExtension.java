package dev.tlog.merkle.checkpoint;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.InvalidHashException;
import java.util.Optional;

/**
 * tlog's chain-head extension line (spec/checkpoint.md): {@code tlog-chain <base64 C[size-1]>},
 * where {@code C[-1]} is 32 zero bytes, so a checkpoint of size 0 carries {@link Hash#ZERO}.
 *
 * <p>A line is a tlog-chain line when its first space-separated word is {@code tlog-chain}; such a
 * line must be exactly the keyword, one space and canonical base64 of 32 bytes, and a checkpoint
 * may have at most one.
 */
public final class ChainHeadExtension {
  /** The keyword that starts the line. */
  public static final String KEYWORD = "tlog-chain";

  private ChainHeadExtension() {}

  /** The extension line for chain head {@code head} (without the newline). */
  public static String line(Hash head) {
    return KEYWORD + " " + head.toBase64();
  }

  /**
   * The chain head in {@code checkpoint}, or empty if it has no tlog-chain line.
   *
   * @throws CheckpointFormatException if there are two tlog-chain lines or one is malformed
   */
  public static Optional<Hash> find(Checkpoint checkpoint) {
    Hash found = null;
    for (String line : checkpoint.extensions()) {
      if (!line.equals(KEYWORD) && !line.startsWith(KEYWORD + " ")) {
        continue;
      }
      if (found != null) {
        throw new CheckpointFormatException("checkpoint has more than one " + KEYWORD + " line");
      }
      found = parse(line);
    }
    return Optional.ofNullable(found);
  }

  private static Hash parse(String line) {
    String value = line.length() > KEYWORD.length() ? line.substring(KEYWORD.length() + 1) : "";
    try {
      return Hash.fromBase64(value);
    } catch (InvalidHashException e) {
      throw new CheckpointFormatException(
          KEYWORD + " line must be \"" + KEYWORD + " <base64 of 32 bytes>\", got \"" + line + "\"");
    }
  }
}
