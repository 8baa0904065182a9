package dev.tlog.compliance.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.hash.Hash;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The payload of an {@code evidence.schedule} event: the collectors in force, in name order, and
 * the SHA-256 of that list in JCS form (spec/compliance.md).
 */
public record ScheduleRecord(List<Collector> collectors) {

  /** One configured collector as the schedule event records it. */
  public record Collector(
      String name, String schedule, String kind, long timeoutMs, List<String> target) {
    public Collector {
      target = List.copyOf(target);
    }
  }

  public ScheduleRecord {
    List<Collector> sorted = new ArrayList<>(collectors);
    sorted.sort(Comparator.comparing(Collector::name));
    collectors = List.copyOf(sorted);
  }

  private ArrayNode array() {
    ArrayNode a = Payloads.JSON.createArrayNode();
    for (Collector c : collectors) {
      ObjectNode o = a.addObject();
      o.put("name", c.name());
      o.put("schedule", c.schedule());
      o.put("kind", c.kind());
      o.put("timeout_ms", c.timeoutMs());
      Payloads.putStrings(o, "target", c.target());
    }
    return a;
  }

  /** Hex SHA-256 of the collectors array in JCS form (RFC 8785). */
  public String configSha256() {
    try {
      byte[] jcs =
          new JsonCanonicalizer(Payloads.JSON.writeValueAsString(array())).getEncodedUTF8();
      return Hash.of(MessageDigest.getInstance("SHA-256").digest(jcs)).toHex();
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The payload JSON. */
  public String toPayload() {
    ObjectNode n = Payloads.object();
    n.set("collectors", array());
    n.put("config_sha256", configSha256());
    return Payloads.write(n);
  }

  /** Reads an {@code evidence.schedule} payload; its {@code config_sha256} must match. */
  public static ScheduleRecord parse(String payload) {
    JsonNode n = Payloads.read(payload);
    JsonNode a = n.get("collectors");
    if (a == null || !a.isArray()) {
      throw new EvidenceFormatException("collectors", "want an array");
    }
    List<Collector> cs = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      JsonNode c = a.get(i);
      if (!c.isObject()) {
        throw new EvidenceFormatException("collectors[" + i + "]", "want an object");
      }
      cs.add(
          new Collector(
              Payloads.text(c, "name"),
              Payloads.text(c, "schedule"),
              Payloads.text(c, "kind"),
              Payloads.number(c, "timeout_ms"),
              Payloads.strings(c, "target")));
    }
    ScheduleRecord r = new ScheduleRecord(cs);
    String stated = Payloads.text(n, "config_sha256");
    if (!stated.equals(r.configSha256())) {
      throw new EvidenceFormatException(
          "config_sha256", "does not match the collectors listed (" + r.configSha256() + ")");
    }
    return r;
  }
}
