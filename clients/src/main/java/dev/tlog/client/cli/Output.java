package dev.tlog.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.merkle.cosignature.Cosignature;
import dev.tlog.merkle.hash.Hash;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/** Human-readable or JSON output of one command. */
final class Output {
  static final ObjectMapper JSON = new ObjectMapper();

  private final PrintWriter out;
  private final boolean json;

  Output(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  boolean json() {
    return json;
  }

  /** Prints a text line unless in JSON mode. */
  void line(String s) {
    if (!json) {
      out.println(s);
      out.flush();
    }
  }

  /** Prints {@code node} in JSON mode. */
  void json(Object node) {
    if (json) {
      try {
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      out.flush();
    }
  }

  ObjectNode object() {
    return JSON.createObjectNode();
  }

  static ObjectNode checkpointJson(VerifiedCheckpoint cp) {
    ObjectNode n = JSON.createObjectNode();
    n.put("origin", cp.origin())
        .put("size", cp.size())
        .put("root", cp.root().toHex())
        .put("chain_head", cp.chainHead().toHex());
    ArrayNode cos = n.putArray("cosignatures");
    for (Cosignature c : cp.cosignatures()) {
      cos.addObject()
          .put("witness", c.name())
          .put("key_hash", String.format("%08x", c.keyHash()))
          .put("timestamp", c.timestamp());
    }
    ArrayNode unknown = n.putArray("unverified_signers");
    cp.unknownSigners().forEach(unknown::add);
    n.put("note", cp.note());
    return n;
  }

  static ArrayNode hashes(List<Hash> hs) {
    ArrayNode a = JSON.createArrayNode();
    hs.forEach(h -> a.add(h.toHex()));
    return a;
  }

  void checkpointLines(VerifiedCheckpoint cp, String signer) {
    line("origin:     " + cp.origin());
    line("size:       " + cp.size());
    line("root:       " + cp.root().toHex());
    line("chain head: " + cp.chainHead().toHex());
    line("signed by:  " + signer + " (log key, verified)");
    for (Cosignature c : cp.cosignatures()) {
      line(
          "cosigned:   "
              + c.name()
              + String.format("+%08x", c.keyHash())
              + " at "
              + Instant.ofEpochSecond(c.timestamp())
              + " (verified)");
    }
    for (String u : cp.unknownSigners()) {
      line("also signed: " + u + " (unknown key, not verified)");
    }
  }
}
