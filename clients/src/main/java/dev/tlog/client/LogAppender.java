package dev.tlog.client;

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
    return verifier.verify(List.of(entry), writer.append(entry)).get(0);
  }

  /** Appends entries in one durable batch (all or none), receipts in request order. */
  public List<AppendReceipt> appendBatch(List<byte[]> entries) {
    return verifier.verify(entries, writer.appendBatch(entries));
  }

  /**
   * Opens an append stream. At most {@code window} entries are unacknowledged at a time: {@link
   * StreamingAppender#submit} blocks beyond that (back-pressure).
   */
  public StreamingAppender openStream(int window) {
    return new StreamingAppender(writer, verifier, window);
  }
}
