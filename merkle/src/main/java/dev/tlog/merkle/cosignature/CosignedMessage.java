package dev.tlog.merkle.cosignature;

import java.nio.charset.StandardCharsets;

/**
 * The message an Ed25519 cosignature v1 signs (C2SP tlog-cosignature): {@code "cosignature/v1\n"},
 * {@code "time <decimal seconds>\n"}, then the whole checkpoint body including extension lines.
 */
public final class CosignedMessage {
  /** The header line, without its newline: domain separation from other Ed25519 uses. */
  public static final String HEADER = "cosignature/v1";

  private CosignedMessage() {}

  /** The signed message for {@code unixSeconds} (>= 0) and the UTF-8 checkpoint body. */
  public static byte[] of(long unixSeconds, byte[] checkpointBody) {
    if (unixSeconds < 0) {
      throw new IllegalArgumentException("timestamp must be in [0, 2^63-1], got " + unixSeconds);
    }
    byte[] head = (HEADER + "\ntime " + unixSeconds + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[head.length + checkpointBody.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(checkpointBody, 0, out, head.length, checkpointBody.length);
    return out;
  }

  /** {@link #of(long, byte[])} for a body given as text. */
  public static byte[] of(long unixSeconds, String checkpointBody) {
    return of(unixSeconds, checkpointBody.getBytes(StandardCharsets.UTF_8));
  }
}
