package dev.tlog.client;

import dev.tlog.merkle.hash.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * Entries {@code [start, start + size())} checked together against a verified checkpoint's root
 * ({@link VerifyingReader#entries}): {@code leafHashes.get(i) == SHA-256(0x00 || data(i))}, and
 * they are the tree's leaves at those indexes.
 */
public record VerifiedRange(long start, List<byte[]> entries, List<Hash> leafHashes) {
  public VerifiedRange {
    List<byte[]> copy = new ArrayList<>(entries.size());
    entries.forEach(e -> copy.add(e.clone()));
    entries = List.copyOf(copy);
    leafHashes = List.copyOf(leafHashes);
    if (entries.size() != leafHashes.size()) {
      throw new IllegalArgumentException(
          entries.size() + " entries but " + leafHashes.size() + " leaf hashes");
    }
  }

  public int size() {
    return entries.size();
  }

  /** A copy of entry {@code start + i}. */
  public byte[] data(int i) {
    return entries.get(i).clone();
  }

  /** Copies of the entries, in order. */
  @Override
  public List<byte[]> entries() {
    List<byte[]> out = new ArrayList<>(entries.size());
    entries.forEach(e -> out.add(e.clone()));
    return out;
  }
}
