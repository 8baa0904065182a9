package dev.tlog.bench.publish;

/**
 * Objects stored in the S3 server since it started: how many, their bytes, and how many of them
 * were checkpoints.
 */
public record PutCount(long objects, long bytes, long checkpoints) {
  /** What was stored between {@code earlier} and this count. */
  public PutCount since(PutCount earlier) {
    return new PutCount(
        objects - earlier.objects, bytes - earlier.bytes, checkpoints - earlier.checkpoints);
  }
}
