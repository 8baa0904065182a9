package dev.tlog.client.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.tlog.proto.v1.LedgerEvent;
import dev.tlog.proto.v1.QueryResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A dishonest log for tests: a real gRPC proxy in front of a ledger log that forwards every call
 * unchanged, except that it drops one event from {@code Query} answers: the first event whose entry
 * contains {@code marker}, and that same event from every later answer. Everything it does return
 * still verifies; only {@code --verify-complete} can tell.
 */
public final class HidingLedgerProxy implements AutoCloseable {
  private final GrpcProxy proxy;
  private final AtomicLong hidden = new AtomicLong(-1);

  public HidingLedgerProxy(String backend, String marker) throws IOException {
    this.proxy =
        new GrpcProxy(
            backend,
            List.of(),
            new GrpcProxy.Tap() {
              @Override
              public byte[] onResponse(String method, byte[] message) {
                return method.endsWith("LedgerService/Query") ? drop(message, marker) : message;
              }
            });
  }

  private byte[] drop(byte[] message, String marker) {
    QueryResponse r;
    try {
      r = QueryResponse.parseFrom(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
    QueryResponse.Builder b = r.toBuilder().clearEvents();
    for (LedgerEvent e : r.getEventsList()) {
      boolean marked = e.getEntry().toString(StandardCharsets.UTF_8).contains(marker);
      if (marked) {
        hidden.compareAndSet(-1, e.getIndex());
      }
      if (e.getIndex() != hidden.get()) {
        b.addEvents(e);
      }
    }
    return b.build().toByteArray();
  }

  public String address() {
    return proxy.address();
  }

  /** The index of the event it hid, or -1 if it has not seen one yet. */
  public long hidden() {
    return hidden.get();
  }

  @Override
  public void close() {
    proxy.close();
  }
}
