package dev.tlog.server.admission;

import dev.tlog.server.errors.InvalidRequestException;
import java.util.List;

/**
 * Admission checks applied before anything is queued: entries are 1..{@code maxEntryBytes} bytes
 * and a batch holds 1..{@code maxBatchEntries} entries. {@code maxEntryBytes} is at most 65535
 * because C2SP entry bundles prefix each entry with a 16-bit length.
 */
public record AppendLimits(int maxEntryBytes, int maxBatchEntries) {
  /** Largest entry an entry bundle can carry. */
  public static final int ENTRY_BUNDLE_MAX = 65535;

  public AppendLimits {
    if (maxEntryBytes < 1 || maxEntryBytes > ENTRY_BUNDLE_MAX) {
      throw new IllegalArgumentException(
          "maxEntryBytes must be in [1, " + ENTRY_BUNDLE_MAX + "], got " + maxEntryBytes);
    }
    if (maxBatchEntries < 1) {
      throw new IllegalArgumentException("maxBatchEntries must be >= 1, got " + maxBatchEntries);
    }
  }

  /** Throws {@link InvalidRequestException} unless {@code entries} may be appended. */
  public void check(List<byte[]> entries) {
    if (entries.isEmpty()) {
      throw new InvalidRequestException("batch is empty");
    }
    if (entries.size() > maxBatchEntries) {
      throw new InvalidRequestException(
          "batch has " + entries.size() + " entries, limit is " + maxBatchEntries);
    }
    for (int i = 0; i < entries.size(); i++) {
      int n = entries.get(i).length;
      String which = entries.size() == 1 ? "entry" : "entry " + i;
      if (n == 0) {
        throw new InvalidRequestException(which + " is empty");
      }
      if (n > maxEntryBytes) {
        throw new InvalidRequestException(which + " is " + n + " bytes, limit is " + maxEntryBytes);
      }
    }
  }
}
