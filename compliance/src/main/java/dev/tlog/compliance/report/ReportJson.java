package dev.tlog.compliance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.compliance.mapping.ControlMapping;
import dev.tlog.compliance.mapping.MappingException;
import dev.tlog.compliance.mapping.MappingParser;
import dev.tlog.merkle.ledger.EventFormatException;
import dev.tlog.merkle.ledger.EventTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * {@code report.json} (spec/compliance.md, "report.json"): the model in RFC 8785 (JCS) canonical
 * form, so one model has one byte encoding, and the parameters it was computed from (framework,
 * period, mapping) read back from it, bounded, for {@code tlog verify-report}.
 */
public final class ReportJson {
  /** The format line of report.json. */
  public static final String FORMAT = "tlog-report/1";

  /** Most bytes of a report.json read back. */
  public static final int MAX_BYTES = 64 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportJson() {}

  /** What a report was computed from, as report.json states it. */
  public record Parameters(String framework, long from, long to, ControlMapping mapping) {}

  /** The canonical bytes of {@code m}. */
  public static byte[] write(ReportModel m) {
    ObjectNode n = JSON.createObjectNode();
    n.put("format", FORMAT);
    n.put("framework", m.framework());
    n.putObject("period").put("from", time(m.from())).put("to", time(m.to()));
    n.set("mapping", m.mapping().toJson(JSON));
    Verification v = m.verification();
    ObjectNode ver = n.putObject("verification");
    ver.put("origin", v.origin()).put("vkey", v.vkey()).put("tree_size", v.treeSize());
    ver.put("checkpoint", v.checkpoint());
    ObjectNode w = ver.putObject("window");
    if (v.markBefore().isPresent()) {
      w.put("mark_before", v.markBefore().getAsLong());
    } else {
      w.putNull("mark_before");
    }
    w.put("start", v.start()).put("end", v.end());
    ver.put("bundle", "bundle.json").put("bundle_sha256", v.bundleSha256());
    ObjectNode summary = n.putObject("summary");
    summary.put("events", m.events());
    ObjectNode actions = summary.putObject("actions");
    m.actions().forEach(actions::put);
    ArrayNode cs = n.putArray("collectors");
    for (CollectorCount c : m.collectors()) {
      ObjectNode o = cs.addObject();
      o.put("name", c.name());
      ArrayNode s = o.putArray("schedules");
      c.schedules().forEach(s::add);
      o.put("due", c.due()).put("done", c.done()).put("failed", c.failed());
      o.put("missed", c.missed()).put("unaccounted", c.unaccounted());
      o.put("off_schedule", c.offSchedule());
      ArrayNode r = o.putArray("unaccounted_ranges");
      for (SlotRange u : c.unaccountedRanges()) {
        r.addObject()
            .put("first", Times.format(u.first()))
            .put("last", Times.format(u.last()))
            .put("count", u.count());
      }
    }
    ArrayNode ctl = n.putArray("controls");
    for (ControlCoverage c : m.controls()) {
      ObjectNode o = ctl.addObject();
      o.put("id", c.id()).put("title", c.title()).put("status", c.status().label());
      ObjectNode e = o.putObject("events");
      c.events().forEach(e::put);
      ArrayNode names = o.putArray("collectors");
      c.collectors().forEach(names::add);
      o.putObject("collections")
          .put("due", c.due())
          .put("done", c.done())
          .put("failed", c.failed())
          .put("missed", c.missed())
          .put("unaccounted", c.unaccounted());
    }
    ObjectNode ex = n.putObject("exceptions");
    for (Finding.Kind k : Finding.Kind.values()) {
      ArrayNode a = ex.putArray(k.label());
      for (Finding f : m.findings(k)) {
        ObjectNode o = a.addObject();
        if (f.index() >= 0) {
          o.put("index", f.index()).put("received", time(f.received()));
        }
        if (!f.actor().isEmpty()) {
          o.put("actor", f.actor());
        }
        if (!f.collector().isEmpty()) {
          o.put("collector", f.collector());
        }
        o.put("what", f.what());
      }
    }
    try {
      return new JsonCanonicalizer(JSON.writeValueAsString(n)).getEncodedUTF8();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads the parameters stated in report.json; a {@link ReportException} names what is wrong. */
  public static Parameters parameters(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new ReportException(
          "report.json is " + bytes.length + " bytes, at most " + MAX_BYTES + " are read");
    }
    JsonNode n;
    try {
      n = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new ReportException("report.json is not JSON: " + e.getOriginalMessage(), e);
    }
    if (n == null || !n.isObject() || !FORMAT.equals(n.path("format").asText(null))) {
      throw new ReportException("report.json: want an object with format \"" + FORMAT + "\"");
    }
    String framework = n.path("framework").asText("");
    if (framework.isEmpty()) {
      throw new ReportException("report.json: framework missing");
    }
    try {
      long from = EventTime.parse("period.from", n.path("period").path("from").asText(null));
      long to = EventTime.parse("period.to", n.path("period").path("to").asText(null));
      ControlMapping mapping = new MappingParser().read(n.get("mapping"));
      return new Parameters(framework, from, to, mapping);
    } catch (EventFormatException | MappingException e) {
      throw new ReportException("report.json: " + e.getMessage(), e);
    }
  }

  private static String time(long nanos) {
    return Times.format(nanos);
  }
}
