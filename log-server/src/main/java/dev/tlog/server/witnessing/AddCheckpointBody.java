package dev.tlog.server.witnessing;

import dev.tlog.merkle.hash.Hash;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The C2SP tlog-witness add-checkpoint request body: old size, proof lines, blank line, note. */
final class AddCheckpointBody {
  private AddCheckpointBody() {}

  static byte[] encode(long oldSize, List<Hash> proof, String signedNote) {
    StringBuilder b = new StringBuilder("old ").append(oldSize).append('\n');
    for (Hash h : proof) {
      b.append(h.toBase64()).append('\n');
    }
    b.append('\n').append(signedNote);
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
