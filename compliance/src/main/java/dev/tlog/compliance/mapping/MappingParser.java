package dev.tlog.compliance.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads control mappings (spec/compliance.md, "Control mapping") from YAML (or JSON, which is the
 * form embedded in {@code report.json}). Strict and bounded: at most {@value #MAX_BYTES} bytes and
 * {@value #MAX_CONTROLS} controls, unknown keys refused, every value checked; all or nothing. A
 * {@link MappingException} names the key (e.g. {@code controls[2].evidence.actions}).
 */
public final class MappingParser {
  /** Most bytes of a mapping file. */
  public static final int MAX_BYTES = 1 << 20;

  /** Most controls in one mapping. */
  public static final int MAX_CONTROLS = 1000;

  /** Most entries in one list (sources, actions, collectors). */
  public static final int MAX_LIST = 256;

  /** Most characters of one string value. */
  public static final int MAX_TEXT = 1024;

  private static final Pattern FRAMEWORK = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
  private static final Pattern ACTION =
      Pattern.compile("[a-z][a-z0-9_-]{0,63}(\\.[a-z][a-z0-9_-]{0,63}){1,3}");
  private static final Pattern GLOB = Pattern.compile("[a-z0-9_.*?-]{1,64}");

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  /** Parses a YAML (or JSON) mapping. */
  public ControlMapping parse(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new MappingException("", "file is " + bytes.length + " bytes, at most " + MAX_BYTES);
    }
    JsonNode root;
    try {
      root = yaml.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new MappingException("", "not YAML: " + e.getOriginalMessage());
    }
    return read(root);
  }

  /** Reads a mapping already parsed into a tree (the one embedded in a report). */
  public ControlMapping read(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new MappingException(
          "", "want a mapping with keys framework, title, sources, controls");
    }
    keys(root, "", Set.of("framework", "title", "sources", "controls"));
    String framework = text(root, "framework", "framework");
    if (!FRAMEWORK.matcher(framework).matches()) {
      throw new MappingException(
          "framework", "want [a-z0-9][a-z0-9_.-]{0,63}, got \"" + framework + "\"");
    }
    String title = text(root, "title", "title");
    List<String> sources = strings(root, "sources", "sources", null);
    JsonNode cs = root.get("controls");
    if (cs == null || !cs.isArray() || cs.isEmpty()) {
      throw new MappingException("controls", "want a non-empty list of controls");
    }
    if (cs.size() > MAX_CONTROLS) {
      throw new MappingException(
          "controls", "at most " + MAX_CONTROLS + " controls, got " + cs.size());
    }
    List<ControlMapping.Control> controls = new ArrayList<>();
    for (int i = 0; i < cs.size(); i++) {
      controls.add(control(cs.get(i), "controls[" + i + "]"));
    }
    return new ControlMapping(framework, title, sources, controls);
  }

  private static ControlMapping.Control control(JsonNode c, String at) {
    if (!c.isObject()) {
      throw new MappingException(at, "want a control with keys id, title, evidence");
    }
    keys(c, at, Set.of("id", "title", "evidence"));
    String id = text(c, "id", at + ".id");
    String title = text(c, "title", at + ".title");
    JsonNode e = c.get("evidence");
    String ev = at + ".evidence";
    if (e == null || !e.isObject()) {
      throw new MappingException(ev, "want keys actions and/or collectors");
    }
    keys(e, ev, Set.of("actions", "collectors"));
    List<String> actions =
        e.has("actions") ? strings(e, "actions", ev + ".actions", ACTION) : List.of();
    List<String> collectors =
        e.has("collectors") ? strings(e, "collectors", ev + ".collectors", GLOB) : List.of();
    if (actions.isEmpty() && collectors.isEmpty()) {
      throw new MappingException(
          ev, "names no actions and no collectors: nothing could evidence it");
    }
    return new ControlMapping.Control(id, title, actions, collectors);
  }

  private static void keys(JsonNode n, String at, Set<String> allowed) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new MappingException(
            (at.isEmpty() ? "" : at + ".") + k,
            "unknown key (allowed here: "
                + String.join(", ", allowed.stream().sorted().toList())
                + ")");
      }
    }
  }

  private static String text(JsonNode n, String field, String at) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new MappingException(at, "want a non-empty string");
    }
    if (v.asText().length() > MAX_TEXT) {
      throw new MappingException(at, "at most " + MAX_TEXT + " characters");
    }
    return v.asText().strip();
  }

  private static List<String> strings(JsonNode n, String field, String at, Pattern form) {
    JsonNode v = n.get(field);
    if (v == null || !v.isArray()) {
      throw new MappingException(at, "want a list of strings");
    }
    if (v.size() > MAX_LIST) {
      throw new MappingException(at, "at most " + MAX_LIST + " entries, got " + v.size());
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode s = v.get(i);
      String where = at + "[" + i + "]";
      if (!s.isTextual() || s.asText().isBlank() || s.asText().length() > MAX_TEXT) {
        throw new MappingException(
            where, "want a non-empty string of at most " + MAX_TEXT + " characters");
      }
      String t = s.asText().strip();
      if (form != null && !form.matcher(t).matches()) {
        throw new MappingException(where, "\"" + t + "\" does not have the form " + form.pattern());
      }
      out.add(t);
    }
    return out;
  }
}
