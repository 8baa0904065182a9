package dev.tlog.client;

import java.util.List;

/**
 * Untrusted append access to a log, the write-side twin of {@link LogSource}: it moves entries to
 * the log and acknowledgements back, each with the signed checkpoint that covers it, and verifies
 * nothing ({@link LogAppender} does). Implementation: {@code GrpcLogWriter}.
 *
 * <p>Failures: {@link LogUnavailableException} (transport, after retries), {@link
 * LogRequestException} (the log said no), {@link VerificationException} (a response that does not
 * parse).
 */
public interface LogWriter {
  /** Appends one entry; one acknowledgement. */
  AckBatch append(byte[] entry);

  /** Appends entries in one durable batch (all or none); acknowledgements in request order. */
  AckBatch appendBatch(List<byte[]> entries);

  /**
   * Opens an append stream. {@code listener} is called from one transport thread, once per entry
   * sent, in order, then once with {@code onEnd}.
   */
  AppendStream openStream(AckListener listener);

  /** A short description for messages, e.g. {@code grpc 127.0.0.1:7400}. */
  String describe();

  /** The sending side of an append stream. Not thread-safe: send from one thread at a time. */
  interface AppendStream {
    void send(byte[] entry);

    /** No more entries; the listener still receives the outstanding acknowledgements. */
    void finish();
  }

  /** Receives a stream's acknowledgements. */
  interface AckListener {
    /** The acknowledgement of the next entry sent, with the signed checkpoint that covers it. */
    void onAck(AppendAck ack, String checkpoint);

    /** The stream ended: {@code failure} is null when it ended normally. */
    void onEnd(TlogClientException failure);
  }
}
