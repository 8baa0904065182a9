package dev.tlog.compliance.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which events and collectors evidence which controls of one framework (spec/compliance.md,
 * "Control mapping"). Every instance is valid: ids unique, at least one control. Immutable.
 */
public record ControlMapping(
    String framework, String title, List<String> sources, List<Control> controls) {

  /**
   * One control: evidenced by events whose action is in {@code actions} and by collections of
   * collectors whose name matches a glob of {@code collectors} ({@code *} any run of characters,
   * {@code ?} one).
   */
  public record Control(String id, String title, List<String> actions, List<String> collectors) {
    public Control {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      actions = List.copyOf(actions);
      collectors = List.copyOf(collectors);
    }

    /** Whether {@code collector} matches one of the control's globs. */
    public boolean covers(String collector) {
      for (String g : collectors) {
        if (glob(g).matcher(collector).matches()) {
          return true;
        }
      }
      return false;
    }

    private static Pattern glob(String g) {
      StringBuilder re = new StringBuilder();
      for (char c : g.toCharArray()) {
        switch (c) {
          case '*' -> re.append(".*");
          case '?' -> re.append('.');
          default -> re.append(Pattern.quote(String.valueOf(c)));
        }
      }
      return Pattern.compile(re.toString());
    }
  }

  public ControlMapping {
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(title, "title");
    sources = List.copyOf(sources);
    controls = List.copyOf(controls);
    if (controls.isEmpty()) {
      throw new MappingException("controls", "want at least one control");
    }
    Set<String> ids = new HashSet<>();
    for (Control c : controls) {
      if (!ids.add(c.id())) {
        throw new MappingException("controls", "duplicate control id \"" + c.id() + "\"");
      }
    }
  }

  /** The mapping as a JSON tree, in the key order of the file; {@link MappingParser} reads it. */
  public ObjectNode toJson(ObjectMapper json) {
    ObjectNode n = json.createObjectNode();
    n.put("framework", framework);
    n.put("title", title);
    ArrayNode s = n.putArray("sources");
    sources.forEach(s::add);
    ArrayNode cs = n.putArray("controls");
    for (Control c : controls) {
      ObjectNode o = cs.addObject();
      o.put("id", c.id());
      o.put("title", c.title());
      ObjectNode e = o.putObject("evidence");
      ArrayNode a = e.putArray("actions");
      c.actions().forEach(a::add);
      ArrayNode g = e.putArray("collectors");
      c.collectors().forEach(g::add);
    }
    return n;
  }
}
