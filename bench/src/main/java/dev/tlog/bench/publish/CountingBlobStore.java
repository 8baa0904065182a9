package dev.tlog.bench.publish;

import java.util.concurrent.atomic.LongAdder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * A blob store that counts the objects stored through it and their bytes, so that the S3 server
 * itself says how many PUTs a client made, whoever the client is (the log server runs in another
 * process). Checkpoint PUTs are counted apart: they are the publisher's per-round overhead.
 * Thread-safe.
 */
final class CountingBlobStore extends ForwardingBlobStore {
  private final LongAdder objects = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final LongAdder checkpoints = new LongAdder();

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
  }

  /** What has been stored so far. */
  PutCount count() {
    return new PutCount(objects.sum(), bytes.sum(), checkpoints.sum());
  }
}
