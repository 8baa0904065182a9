package dev.tlog.merkle.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.InvalidHashException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Encodes and parses {@code tlog-evidence-bundle/v1} and {@code v2} (spec/evidence-bundle.md; v2
 * adds ledger evidence, {@link LedgerEvidenceCodec}). Parsing is bounded and all-or-nothing, and
 * accepts only the canonical encoding: the input must equal, byte for byte, {@link #encode} of the
 * parsed value. Stateless and thread-safe.
 */
public final class BundleCodec {
  public static final String FORMAT = "tlog-evidence-bundle/v1";
  public static final String FORMAT_V2 = "tlog-evidence-bundle/v2";
  public static final int MAX_BYTES = 64 << 20;
  public static final int MAX_ENTRIES = 100_000;
  public static final int MAX_PROOF_HASHES = 63;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final HexFormat HEX = HexFormat.of();
  private static final List<String> FIELDS =
      List.of(
          "format", "origin", "log_vkey", "witness_vkeys", "checkpoint", "entries", "instructions");
  private static final List<String> ENTRY_FIELDS =
      List.of("index", "data_hex", "leaf_hash_hex", "inclusion_proof_hex");
  private static final List<String> FIELDS_V2 =
      List.of(
          "format",
          "origin",
          "log_vkey",
          "witness_vkeys",
          "checkpoint",
          "entries",
          "ledger",
          "instructions");
  private static final List<String> ENTRY_FIELDS_V2 =
      List.of("index", "data_hex", "leaf_hash_hex", "inclusion_proof_hex", "payload_record_hex");

  private BundleCodec() {}

  /** The canonical bytes: two-space indented JSON, fields in spec order, LF, final newline. */
  public static byte[] encode(EvidenceBundle b) {
    return canonical(tree(b));
  }

  /**
   * The JSON tree {@link #encode} writes, fields in spec order. For tools that build malformed
   * bundles on purpose (the vector generator); {@link #decode} rejects any change to it.
   */
  public static ObjectNode tree(EvidenceBundle b) {
    boolean v2 = b.version() == 2;
    ObjectNode root = JSON.createObjectNode();
    root.put("format", v2 ? FORMAT_V2 : FORMAT)
        .put("origin", b.origin())
        .put("log_vkey", b.logVkey());
    ArrayNode ws = root.putArray("witness_vkeys");
    b.witnessVkeys().forEach(ws::add);
    root.put("checkpoint", b.checkpoint());
    ArrayNode entries = root.putArray("entries");
    for (EvidenceBundle.Entry e : b.entries()) {
      ObjectNode n = entries.addObject();
      n.put("index", Long.toString(e.index()))
          .put("data_hex", HEX.formatHex(e.data()))
          .put("leaf_hash_hex", e.leafHash().toHex());
      ArrayNode p = n.putArray("inclusion_proof_hex");
      e.proof().forEach(h -> p.add(h.toHex()));
      if (v2) {
        n.put("payload_record_hex", HEX.formatHex(e.payloadRecord()));
      }
    }
    b.ledger().ifPresent(l -> root.set("ledger", LedgerEvidenceCodec.tree(l)));
    ArrayNode ins = root.putArray("instructions");
    (v2 ? BundleInstructions.V2 : BundleInstructions.V1).forEach(ins::add);
    return root;
  }

  /** Any JSON tree in the bundle's canonical layout: two-space indent, LF, final newline. */
  public static byte[] canonical(JsonNode tree) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
    try {
      return (JSON.writer(printer).writeValueAsString(tree) + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("encoding a JSON tree cannot fail", e);
    }
  }

  /** Parses a bundle. Throws {@link BundleFormatException} and nothing else on bad input. */
  public static EvidenceBundle decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new BundleFormatException("empty input");
    }
    if (bytes.length > MAX_BYTES) {
      throw new BundleFormatException("bundle is " + bytes.length + " bytes, limit " + MAX_BYTES);
    }
    EvidenceBundle b;
    try {
      b = fromTree(JSON.readTree(bytes));
    } catch (JsonProcessingException e) {
      throw new BundleFormatException("not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new BundleFormatException("unreadable: " + e.getMessage(), e);
    } catch (InvalidHashException | IllegalArgumentException e) {
      throw new BundleFormatException(e.getMessage(), e);
    }
    byte[] canonical = encode(b);
    if (!Arrays.equals(canonical, bytes)) {
      throw new BundleFormatException(
          "not in canonical form: first difference at byte " + Arrays.mismatch(canonical, bytes));
    }
    return b;
  }

  private static EvidenceBundle fromTree(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new BundleFormatException("bundle is not a JSON object");
    }
    String format = root.path("format").asText();
    boolean v2 = format.equals(FORMAT_V2);
    if (!v2 && !format.equals(FORMAT)) {
      throw new BundleFormatException("format is neither " + FORMAT + " nor " + FORMAT_V2);
    }
    requireFields(root, v2 ? FIELDS_V2 : FIELDS, "bundle");
    List<String> ins = strings(root.get("instructions"), "instructions", 100);
    if (!ins.equals(v2 ? BundleInstructions.V2 : BundleInstructions.V1)) {
      throw new BundleFormatException("instructions are not the " + format + " text");
    }
    JsonNode entries = array(root.get("entries"), "entries", MAX_ENTRIES);
    List<EvidenceBundle.Entry> out = new ArrayList<>();
    for (JsonNode e : entries) {
      requireFields(e, v2 ? ENTRY_FIELDS_V2 : ENTRY_FIELDS, "entry " + out.size());
      long index = parseIndex(text(e, "index"));
      if (!out.isEmpty() && index <= out.get(out.size() - 1).index()) {
        throw new BundleFormatException("entry indexes must be strictly increasing at " + index);
      }
      List<Hash> proof = new ArrayList<>();
      for (String h : strings(e.get("inclusion_proof_hex"), "proof", MAX_PROOF_HASHES)) {
        proof.add(Hash.fromHex(lowerHex(h)));
      }
      byte[] data = HEX.parseHex(lowerHex(text(e, "data_hex")));
      byte[] record = v2 ? HEX.parseHex(lowerHex(text(e, "payload_record_hex"))) : new byte[0];
      out.add(
          new EvidenceBundle.Entry(
              index, data, Hash.fromHex(lowerHex(text(e, "leaf_hash_hex"))), proof, record));
    }
    if (out.isEmpty()) {
      throw new BundleFormatException("bundle has no entries");
    }
    return new EvidenceBundle(
        nonEmpty(text(root, "origin"), "origin"),
        nonEmpty(text(root, "log_vkey"), "log_vkey"),
        strings(root.get("witness_vkeys"), "witness_vkeys", 100),
        nonEmpty(text(root, "checkpoint"), "checkpoint"),
        out,
        v2 ? Optional.of(LedgerEvidenceCodec.fromTree(root.get("ledger"))) : Optional.empty());
  }

  static void requireFields(JsonNode n, List<String> fields, String what) {
    if (n == null || !n.isObject()) {
      throw new BundleFormatException(what + " is not a JSON object");
    }
    List<String> got = new ArrayList<>();
    n.fieldNames().forEachRemaining(got::add);
    if (!got.equals(fields)) {
      throw new BundleFormatException(what + " has fields " + got + ", want " + fields);
    }
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new BundleFormatException(field + " is not a string");
    }
    return v.asText();
  }

  static JsonNode array(JsonNode n, String what, int max) {
    if (n == null || !n.isArray()) {
      throw new BundleFormatException(what + " is not an array");
    }
    if (n.size() > max) {
      throw new BundleFormatException(what + " has " + n.size() + " items, limit " + max);
    }
    return n;
  }

  static List<String> strings(JsonNode n, String what, int max) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : array(n, what, max)) {
      if (!s.isTextual()) {
        throw new BundleFormatException(what + " holds a non-string");
      }
      out.add(s.asText());
    }
    return out;
  }

  private static String nonEmpty(String s, String what) {
    if (s.isEmpty()) {
      throw new BundleFormatException(what + " is empty");
    }
    return s;
  }

  static String lowerHex(String s) {
    if (!s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw new BundleFormatException("not lowercase hex: \"" + abbreviate(s) + "\"");
    }
    return s;
  }

  static long parseIndex(String s) {
    boolean canonical =
        !s.isEmpty()
            && s.length() <= 19
            && s.chars().allMatch(c -> c >= '0' && c <= '9')
            && (s.length() == 1 || s.charAt(0) != '0');
    if (!canonical) {
      throw new BundleFormatException(
          "index is not a canonical decimal: \"" + abbreviate(s) + "\"");
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new BundleFormatException("index " + s + " exceeds 2^63-1", e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
