package dev.tlog.client;

import com.google.protobuf.ByteString;
import dev.tlog.client.transport.GrpcCalls;
import dev.tlog.client.transport.GrpcLogSource;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.proto.v1.AppendBatchResponse;
import dev.tlog.proto.v1.AppendRequest;
import dev.tlog.proto.v1.AppendResponse;
import dev.tlog.proto.v1.LogServiceGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Appends entries over gRPC and returns only verified {@link AppendReceipt}s (see {@link
 * ReceiptVerifier} for the checks). Retries {@code UNAVAILABLE}/{@code RESOURCE_EXHAUSTED} with
 * bounded backoff; a retry of an append that did land is harmless because the log deduplicates by
 * leaf hash. Thread-safe.
 *
 * <pre>{@code
 * LogIdentity log = LogIdentity.of(vkey, null, List.of());
 * try (GrpcLogSource src = GrpcLogSource.connect("127.0.0.1:7400", RetryPolicy.defaults())) {
 *   VerifyingReader reader = new VerifyingReader(src, new CheckpointVerifier(log));
 *   LogAppender appender = new LogAppender(src, reader, new CheckpointTracker(reader, null));
 *   AppendReceipt r = appender.append("hello".getBytes(UTF_8));
 * }
 * }</pre>
 */
public final class LogAppender {
  private static final long DEADLINE_SECONDS = 60;

  private final GrpcLogSource source;
  private final ReceiptVerifier verifier;

  public LogAppender(GrpcLogSource source, VerifyingReader reader, CheckpointTracker tracker) {
    this.source = source;
    this.verifier = new ReceiptVerifier(reader, tracker);
  }

  /** Appends one entry. */
  public AppendReceipt append(byte[] entry) {
    var req = AppendRequest.newBuilder().setData(ByteString.copyFrom(entry)).build();
    AppendResponse r =
        GrpcCalls.call(
            "Append",
            source.retry(),
            () ->
                LogServiceGrpc.newBlockingStub(source.channel())
                    .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .append(req));
    return verifier.verify(entry, r);
  }

  /** Appends entries in one durable batch (all or none), receipts in request order. */
  public List<AppendReceipt> appendBatch(List<byte[]> entries) {
    var b = AppendBatchRequest.newBuilder();
    entries.forEach(e -> b.addEntries(ByteString.copyFrom(e)));
    AppendBatchRequest req = b.build();
    AppendBatchResponse r =
        GrpcCalls.call(
            "AppendBatch",
            source.retry(),
            () ->
                LogServiceGrpc.newBlockingStub(source.channel())
                    .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .appendBatch(req));
    if (r.getResultsCount() != entries.size()) {
      throw new VerificationException(
          "AppendBatch of " + entries.size() + " entries returned " + r.getResultsCount());
    }
    List<AppendReceipt> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      // The batch's checkpoint is sent once, beside the results (spec/api.md).
      out.add(
          verifier.verify(
              entries.get(i),
              r.getResults(i).toBuilder().setCheckpoint(r.getCheckpoint()).build()));
    }
    return out;
  }

  /**
   * Opens an {@code AppendStream}. At most {@code window} entries are unacknowledged at a time:
   * {@link StreamingAppender#submit} blocks beyond that (back-pressure).
   */
  public StreamingAppender openStream(int window) {
    return new StreamingAppender(source.channel(), verifier, window);
  }
}
