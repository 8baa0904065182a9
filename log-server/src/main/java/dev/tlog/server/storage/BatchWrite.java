package dev.tlog.server.storage;

import java.util.List;

/**
 * Everything one batch changes in storage, written in one durable transaction: the log grows from
 * {@code firstIndex} to {@code endIndex}; every entry bundle and hash tile the growth created or
 * widened is rewritten whole; the payload records of new ledger events are written once; the
 * checkpoint signed for {@code endIndex} is stored with them.
 *
 * <p>The arrays are handed over, not copied: the caller must not change them afterwards.
 */
public record BatchWrite(
    long firstIndex,
    long endIndex,
    List<BundleWrite> bundles,
    List<TileWrite> tiles,
    List<PayloadWrite> payloads,
    byte[] signedCheckpoint) {
  public BatchWrite {
    if (firstIndex < 0 || endIndex <= firstIndex) {
      throw new IllegalArgumentException(
          "need 0 <= firstIndex < endIndex, got " + firstIndex + ", " + endIndex);
    }
    bundles = List.copyOf(bundles);
    tiles = List.copyOf(tiles);
    payloads = List.copyOf(payloads);
  }

  /**
   * Entry bundle {@code index} as it stands after the batch: its C2SP body and the chain hashes
   * C[i] of its entries (32 bytes each, in order).
   */
  public record BundleWrite(long index, byte[] body, byte[] chainHashes) {}

  /** Hash tile {@code (level, index)} as it stands after the batch, in {@link TileStratum} form. */
  public record TileWrite(int level, long index, byte[] stratum) {}

  /** The payload record stored beside ledger entry {@code index} (spec/ledger.md). */
  public record PayloadWrite(long index, byte[] record) {}
}
