package dev.tlog.merkle.ledger;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The action vocabulary (spec/ledger.md, "Actions"): built-in types, each with the payload fields
 * it requires, in reserved namespaces; custom types in any other namespace ({@code acme.deploy}).
 */
public final class ActionTypes {
  /** Built-in action types and the payload fields each requires. */
  public static final Map<String, List<String>> BUILT_IN =
      Map.ofEntries(
          Map.entry("agent.tool_call", List.of("tool")),
          Map.entry("process.start", List.of("process")),
          Map.entry("process.stop", List.of("process")),
          Map.entry("process.crash", List.of("process")),
          Map.entry("watchdog.recovery", List.of("process")),
          Map.entry("config.change", List.of("old_hash", "new_hash")),
          Map.entry("system.rollback", List.of("target")),
          Map.entry("ssh.session", List.of("user")),
          Map.entry("secret.access", List.of("secret")),
          Map.entry("mesh.connection", List.of("peer")),
          Map.entry("health.check", List.of("status")),
          Map.entry("resource.snapshot", List.of()),
          Map.entry("evidence.collection", List.of("collector", "status")),
          Map.entry("evidence.missed", List.of("collector", "due")),
          Map.entry("evidence.schedule", List.of("collectors", "config_sha256")),
          Map.entry("evidence.report", List.of("framework", "report_sha256")));

  /** Namespaces only built-in types may use. */
  public static final Set<String> RESERVED =
      Set.of(
          "agent",
          "process",
          "watchdog",
          "config",
          "system",
          "ssh",
          "secret",
          "mesh",
          "health",
          "resource",
          "evidence",
          "tlog");

  private static final Pattern FORM =
      Pattern.compile("[a-z][a-z0-9_-]{0,63}(\\.[a-z][a-z0-9_-]{0,63}){1,3}");
  static final int MAX_LENGTH = 128;

  private ActionTypes() {}

  /** Checks {@code action}'s form and namespace; returns the payload fields it requires. */
  public static List<String> check(String field, String action) {
    if (action.length() > MAX_LENGTH || !FORM.matcher(action).matches()) {
      throw new EventFormatException(
          field,
          "want namespace.name in lower case (e.g. agent.tool_call, acme.deploy), at most "
              + MAX_LENGTH
              + " characters, got \""
              + abbreviate(action)
              + "\"");
    }
    List<String> required = BUILT_IN.get(action);
    if (required != null) {
      return required;
    }
    String namespace = action.substring(0, action.indexOf('.'));
    if (RESERVED.contains(namespace)) {
      throw new EventFormatException(
          field,
          "\""
              + action
              + "\" is not a built-in type and namespace \""
              + namespace
              + "\" is reserved");
    }
    return List.of();
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
