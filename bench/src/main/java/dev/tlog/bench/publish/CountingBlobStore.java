package dev.tlog.bench.publish;

import dev.tlog.merkle.tile.TileMath;
import java.util.concurrent.atomic.LongAdder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * A blob store that counts the objects stored through it and their bytes, so that the S3 server
 * itself says how many PUTs a client made, whoever the client is (the log server runs in another
 * process). Checkpoint PUTs are counted apart (they are the publisher's per-round overhead), and so
 * are the entries in the entry bundles stored (C2SP tlog-tiles paths {@code tile/entries/...},
 * partial ones ending in {@code .p/<width>}): how far the publisher has uploaded the log, even
 * before a checkpoint makes it visible. Thread-safe.
 */
final class CountingBlobStore extends ForwardingBlobStore {
  private static final String BUNDLES = "tile/entries/";
  private static final String PARTIAL = ".p/";

  private final LongAdder objects = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final LongAdder checkpoints = new LongAdder();
  private final LongAdder bundleEntries = new LongAdder();

  CountingBlobStore(BlobStore delegate) {
    super(delegate);
  }

  @Override
  public String putBlob(String container, Blob blob) {
    String etag = super.putBlob(container, blob);
    count(blob);
    return etag;
  }

  @Override
  public String putBlob(String container, Blob blob, PutOptions options) {
    String etag = super.putBlob(container, blob, options);
    count(blob);
    return etag;
  }

  private void count(Blob blob) {
    objects.increment();
    Long length = blob.getMetadata().getContentMetadata().getContentLength();
    if (length != null) {
      bytes.add(length);
    }
    String name = blob.getMetadata().getName();
    if (name != null && (name.equals("checkpoint") || name.endsWith("/checkpoint"))) {
      checkpoints.increment();
    }
    if (name != null && name.contains(BUNDLES)) {
      bundleEntries.add(bundleWidth(name));
    }
  }

  private static long bundleWidth(String name) {
    int partial = name.lastIndexOf(PARTIAL);
    if (partial < 0) {
      return TileMath.FULL_WIDTH;
    }
    try {
      return Long.parseLong(name.substring(partial + PARTIAL.length()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** What has been stored so far. */
  PutCount count() {
    return new PutCount(objects.sum(), bytes.sum(), checkpoints.sum(), bundleEntries.sum());
  }
}
