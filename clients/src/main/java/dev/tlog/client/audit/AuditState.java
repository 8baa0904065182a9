package dev.tlog.client.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.client.state.AtomicFiles;
import dev.tlog.client.state.StateFileException;
import dev.tlog.merkle.chain.HashChain;
import dev.tlog.merkle.compact.CompactRange;
import dev.tlog.merkle.hash.Hash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resumable audit progress: entries {@code [0, next)} have been hashed; {@code compact} are the
 * hashes of {@code CompactRange.decompose(0, next)} and {@code chainHead} is {@code C[next-1]}.
 * Stored as JSON: {@code {"origin", "next", "compact": [hex...], "chain_head": hex}}.
 */
public record AuditState(String origin, long next, List<Hash> compact, Hash chainHead) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public AuditState {
    compact = List.copyOf(compact);
  }

  /** Nothing audited yet. */
  public static AuditState initial(String origin) {
    return new AuditState(origin, 0, List.of(), HashChain.initial());
  }

  /** A compact range positioned at {@code next}. */
  public CompactRange range() {
    return CompactRange.of(0, next, compact);
  }

  public static Optional<AuditState> load(Path file, String origin) {
    Optional<byte[]> bytes = AtomicFiles.read(file);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(bytes.get());
      List<Hash> compact = new ArrayList<>();
      n.get("compact").forEach(h -> compact.add(Hash.fromHex(h.asText())));
      AuditState s =
          new AuditState(
              n.get("origin").asText(),
              Long.parseLong(n.get("next").asText()),
              compact,
              Hash.fromHex(n.get("chain_head").asText()));
      if (!s.origin.equals(origin)) {
        throw new StateFileException(file + " is for log " + s.origin + ", not " + origin, null);
      }
      s.range(); // checks the number of compact hashes
      return Optional.of(s);
    } catch (StateFileException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new StateFileException("audit state " + file + " is unreadable: " + e, e);
    }
  }

  public void save(Path file) {
    ObjectNode n = JSON.createObjectNode();
    n.put("origin", origin).put("next", Long.toString(next));
    compact.forEach(h -> n.withArray("compact").add(h.toHex()));
    if (compact.isEmpty()) {
      n.putArray("compact");
    }
    n.put("chain_head", chainHead.toHex());
    try {
      AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
    } catch (IOException e) {
      throw new StateFileException("cannot encode audit state: " + e, e);
    }
  }
}
