package dev.tlog.server.integrate;

/**
 * One admitted entry: the bytes the log commits and, for a ledger event, the payload record to
 * store beside it (null otherwise). The arrays are handed over, not copied.
 */
public record Submitted(byte[] entry, byte[] payloadRecord) {
  public Submitted {
    if (entry == null || entry.length == 0) {
      throw new IllegalArgumentException("entry must not be empty");
    }
  }

  /** An opaque entry, nothing beside it. */
  public static Submitted opaque(byte[] entry) {
    return new Submitted(entry, null);
  }

  /** Opaque entries, nothing beside them. */
  public static java.util.List<Submitted> opaque(java.util.List<byte[]> entries) {
    return entries.stream().map(Submitted::opaque).toList();
  }

  /** Bytes this entry will occupy in storage (for batch byte limits). */
  public long bytes() {
    return entry.length + (payloadRecord == null ? 0 : payloadRecord.length);
  }
}
