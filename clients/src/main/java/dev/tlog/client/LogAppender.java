package dev.tlog.client;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import java.util.List;

/**
 * Appends entries through a {@link LogWriter} and returns only verified {@link AppendReceipt}s (see
 * {@link ReceiptVerifier} for the checks: a batch's receipts are verified together, with two proofs
 * per run of consecutive indexes). The writer retries {@code UNAVAILABLE}/{@code
 * RESOURCE_EXHAUSTED} with bounded backoff; a retry of an append that did land is harmless because
 * the log deduplicates by leaf hash. Thread-safe if the writer is.
 *
 * <pre>{@code
 * LogIdentity log = LogIdentity.of(vkey, null, List.of());
 * try (GrpcLogSource src = GrpcLogSource.connect("127.0.0.1:7400", RetryPolicy.defaults())) {
 *   VerifyingReader reader = new VerifyingReader(src, new CheckpointVerifier(log));
 *   LogAppender appender =
 *       new LogAppender(src.writer(), reader, new CheckpointTracker(reader, null));
 *   AppendReceipt r = appender.append("hello".getBytes(UTF_8));
 * }
 * }</pre>
 */
public final class LogAppender {
  private final LogWriter writer;
  private final ReceiptVerifier verifier;

  public LogAppender(LogWriter writer, VerifyingReader reader, CheckpointTracker tracker) {
    this.writer = writer;
    this.verifier = new ReceiptVerifier(reader, tracker);
  }

  /** Appends one entry. */
  public AppendReceipt append(byte[] entry) {
    return append(entry, TreeHasher.leafHash(entry));
  }

  /**
   * Sends {@code data}, which the log commits as an entry with leaf hash {@code committedLeaf}: a
   * ledger log commits an event's entry, not the submission sent (spec/ledger.md).
   */
  public AppendReceipt append(byte[] data, Hash committedLeaf) {
    return verifier.verify(List.of(committedLeaf), writer.append(data)).get(0);
  }

  /** Appends entries in one durable batch (all or none), receipts in request order. */
  public List<AppendReceipt> appendBatch(List<byte[]> entries) {
    return appendBatch(entries, entries.stream().map(TreeHasher::leafHash).toList());
  }

  /** {@link #appendBatch(List)} of data committed with the leaf hashes {@code committedLeaves}. */
  public List<AppendReceipt> appendBatch(List<byte[]> data, List<Hash> committedLeaves) {
    if (data.size() != committedLeaves.size()) {
      throw new IllegalArgumentException(
          data.size() + " entries but " + committedLeaves.size() + " leaf hashes");
    }
    return verifier.verify(committedLeaves, writer.appendBatch(data));
  }

  /**
   * Opens an append stream. At most {@code window} entries are unacknowledged at a time: {@link
   * StreamingAppender#submit} blocks beyond that (back-pressure).
   */
  public StreamingAppender openStream(int window) {
    return new StreamingAppender(writer, verifier, window);
  }
}
