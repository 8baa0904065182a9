package dev.tlog.bench.load;

import com.google.protobuf.ByteString;

/**
 * What the load generator appends: unique entries, because the log answers a repeated entry with
 * its existing index instead of appending it. Implementations are thread-safe.
 */
public interface EntrySource {
  /** The bytes of a new append request, never returned before by this source. */
  ByteString next();

  /**
   * The sequence number of a committed entry (as the log returns it) made by this source, or -1 if
   * another source made it.
   */
  long sequenceOf(ByteString entry);
}
