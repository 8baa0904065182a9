package dev.tlog.bench.raw;

import dev.tlog.bench.report.Figure;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/** SHA-256 of 128-byte inputs on one thread, with {@link MessageDigest}: hashes per second. */
public final class Sha256Limit {
  private static final int CHUNK = 10_000;

  /** Warms up for a third of {@code duration}, then measures for the rest. */
  public Figure measure(Duration duration, int inputBytes) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
    byte[] input = new byte[inputBytes];
    byte[] out = new byte[32];
    long warmup = duration.toNanos() / 3;
    run(md, input, out, warmup);
    long nanos = duration.toNanos() - warmup;
    long start = System.nanoTime();
    long hashes = run(md, input, out, nanos);
    double perSecond = hashes * 1e9 / (System.nanoTime() - start);
    return Figure.of("raw.sha256." + inputBytes + "B", "hashes/s", perSecond);
  }

  private static long run(MessageDigest md, byte[] input, byte[] out, long nanos) {
    long deadline = System.nanoTime() + nanos;
    long count = 0;
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < CHUNK; i++) {
        input[0] = out[0];
        md.update(input);
        out = md.digest();
      }
      count += CHUNK;
    }
    return count;
  }
}
