package dev.tlog.server.api.grpc;

import com.google.protobuf.ByteString;
import dev.tlog.proto.v1.Entry;
import dev.tlog.server.read.LogReads;
import dev.tlog.server.read.StoredEntry;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One GetEntries call, sent under flow control (spec/api.md, "Limits"). Entries are read from
 * storage only while the call is ready to send, in short read transactions of at most {@link
 * #MAX_BUFFERED_BYTES} (plus one entry), and sending resumes from gRPC's onReady. So a client that
 * stops reading holds, per call, at most that much read but not yet sent (beyond what gRPC's
 * outbound buffer and the HTTP/2 window take) and no LMDB read transaction. Cancellation drops what
 * is buffered and stops the call. A storage failure ends the call with its status after the entries
 * already sent.
 */
final class EntriesSender {
  /** Entry bytes (data and hashes) of one call read from storage and not yet sent. */
  static final long MAX_BUFFERED_BYTES = 1 << 20;

  private final LogReads reads;
  private final ServerCallStreamObserver<Entry> out;
  private final long end;
  private final Deque<StoredEntry> buffered = new ArrayDeque<>();
  // The next index to read from storage.
  private long next;
  private boolean done;

  /** Sends entries {@code [start, end)}; {@code end} comes from {@link LogReads#entriesEnd}. */
  EntriesSender(LogReads reads, ServerCallStreamObserver<Entry> out, long start, long end) {
    this.reads = reads;
    this.out = out;
    this.next = start;
    this.end = end;
  }

  /** Registers the handlers and sends what the call is ready for; must run in the RPC method. */
  void start() {
    out.setOnCancelHandler(this::cancel);
    out.setOnReadyHandler(this::send);
    send();
  }

  private synchronized void cancel() {
    done = true;
    buffered.clear();
  }

  private synchronized void send() {
    try {
      while (!done) {
        if (buffered.isEmpty()) {
          if (next == end) {
            done = true;
            out.onCompleted();
            return;
          }
          if (!out.isReady()) {
            return;
          }
          // A short read transaction: nothing is held open while the client is not reading.
          List<StoredEntry> read = reads.entriesFrom(next, end, MAX_BUFFERED_BYTES);
          buffered.addAll(read);
          next += read.size();
        }
        if (!out.isReady()) {
          return;
        }
        out.onNext(toProto(buffered.poll()));
      }
    } catch (RuntimeException e) {
      done = true;
      buffered.clear();
      out.onError(GrpcErrors.toStatus(e));
    }
  }

  private static Entry toProto(StoredEntry e) {
    return Entry.newBuilder()
        .setIndex(e.index())
        .setData(ByteString.copyFrom(e.data()))
        .setLeafHash(ByteString.copyFrom(e.leafHash().bytes()))
        .setChainHash(ByteString.copyFrom(e.chainHash().bytes()))
        .build();
  }
}
