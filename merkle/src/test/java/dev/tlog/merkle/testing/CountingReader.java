package dev.tlog.merkle.testing;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.proof.HashReader;
import java.util.List;

/** Wraps a reader and counts calls and nodes read. */
public final class CountingReader implements HashReader {
  private final HashReader inner;
  private int calls;
  private int nodes;

  public CountingReader(HashReader inner) {
    this.inner = inner;
  }

  @Override
  public List<Hash> readHashes(List<NodeId> ids) {
    calls++;
    nodes += ids.size();
    return inner.readHashes(ids);
  }

  public int calls() {
    return calls;
  }

  public int nodes() {
    return nodes;
  }
}
