package dev.tlog.bench.publish;

/**
 * Objects stored in the S3 server since it started: how many, their bytes, how many of them were
 * checkpoints, and the entries in the entry bundles among them (a bundle {@code .p/<w>} holds w, a
 * full one 256).
 */
public record PutCount(long objects, long bytes, long checkpoints, long bundleEntries) {
  /** What was stored between {@code earlier} and this count. */
  public PutCount since(PutCount earlier) {
    return new PutCount(
        objects - earlier.objects,
        bytes - earlier.bytes,
        checkpoints - earlier.checkpoints,
        bundleEntries - earlier.bundleEntries);
  }
}
