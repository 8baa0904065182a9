package dev.tlog.server.evidence.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tlog.compliance.schedule.Schedule;
import dev.tlog.compliance.schedule.ScheduleException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a collectors file (YAML): a mapping with the one key {@code collectors}, a list of
 * collectors. Strict: unknown keys, duplicate keys or names, a bad schedule or timeout, and not
 * exactly one of {@code files}, {@code command}, {@code http}, {@code builtin} are refused with a
 * message naming the collector and key.
 */
public final class CollectorsFile {
  public static final int MAX_COLLECTORS = 256;
  public static final int MAX_FILES = 10_000;

  /** Largest collectors file read. */
  public static final long MAX_BYTES = 1 << 20;

  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,7})(ms|s|m|h)");
  private static final Set<String> KEYS =
      Set.of(
          "name",
          "schedule",
          "timeout",
          "files",
          "include_content",
          "command",
          "shell",
          "http",
          "builtin");
  private static final List<String> KINDS = List.of("files", "command", "http", "builtin");

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

  private CollectorsFile() {}

  /** Reads and checks {@code file}. */
  public static CollectorsConfig read(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new CollectorsConfigException(
            "collectors file " + file + ": larger than " + MAX_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CollectorsConfigException("collectors file " + file + ": cannot read: " + e, e);
    }
    return parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), file.toString());
  }

  /** Parses collectors file text; {@code source} names it in messages. */
  public static CollectorsConfig parse(String yaml, String source) {
    String where = "collectors file " + source + ": ";
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new CollectorsConfigException(where + "not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new CollectorsConfigException(where + "want a mapping with the key \"collectors\"");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!k.equals("collectors")) {
        throw new CollectorsConfigException(where + "unknown key \"" + k + "\"");
      }
    }
    JsonNode list = root.get("collectors");
    if (list == null || !(list.isArray() || list.isNull())) {
      throw new CollectorsConfigException(where + "collectors: want a list");
    }
    if (list.size() > MAX_COLLECTORS) {
      throw new CollectorsConfigException(
          where + "collectors: " + list.size() + " collectors, at most " + MAX_COLLECTORS);
    }
    List<CollectorSpec> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      CollectorSpec c = collector(where, i, list.get(i));
      if (!names.add(c.name())) {
        throw new CollectorsConfigException(
            where + "collector \"" + c.name() + "\" (#" + (i + 1) + "): name: duplicate");
      }
      out.add(c);
    }
    return new CollectorsConfig(out);
  }

  private static CollectorSpec collector(String where, int i, JsonNode n) {
    String at = where + "collector #" + (i + 1);
    if (!n.isObject()) {
      throw new CollectorsConfigException(at + ": want a mapping");
    }
    JsonNode nameNode = n.get("name");
    if (nameNode == null || !nameNode.isTextual()) {
      throw new CollectorsConfigException(at + ": name: missing");
    }
    String name = nameNode.asText();
    if (!NAME.matcher(name).matches()) {
      throw new CollectorsConfigException(
          at + ": name: \"" + name + "\" must match [a-z0-9][a-z0-9_.-]{0,63}");
    }
    String here = where + "collector \"" + name + "\"";
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) {
        throw new CollectorsConfigException(here + ": unknown key \"" + k + "\"");
      }
    }
    Schedule schedule;
    try {
      schedule = Schedule.parse(text(here, n, "schedule"));
    } catch (ScheduleException e) {
      throw new CollectorsConfigException(here + ": schedule: " + e.getMessage(), e);
    }
    Duration timeout =
        n.has("timeout") ? timeout(here, text(here, n, "timeout")) : CollectorSpec.DEFAULT_TIMEOUT;
    List<String> kinds = KINDS.stream().filter(n::has).toList();
    if (kinds.size() != 1) {
      throw new CollectorsConfigException(
          here
              + ": want exactly one of files, command, http, builtin, got "
              + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
    }
    String kind = kinds.get(0);
    if (n.has("shell") && !kind.equals("command")) {
      throw new CollectorsConfigException(here + ": shell: only for command");
    }
    if (n.has("include_content") && !kind.equals("files")) {
      throw new CollectorsConfigException(here + ": include_content: only for files");
    }
    Source source =
        switch (kind) {
          case "files" -> files(here, n);
          case "command" -> command(here, n);
          case "http" -> http(here, n);
          default -> builtin(here, n);
        };
    return new CollectorSpec(name, schedule, timeout, source);
  }

  private static Source files(String here, JsonNode n) {
    List<String> paths = strings(here, n, "files");
    if (paths.size() > MAX_FILES) {
      throw new CollectorsConfigException(
          here + ": files: " + paths.size() + " entries, at most " + MAX_FILES);
    }
    List<Path> out = new ArrayList<>();
    for (String p : paths) {
      try {
        out.add(Path.of(p));
      } catch (java.nio.file.InvalidPathException e) {
        throw new CollectorsConfigException(here + ": files: not a path: " + p, e);
      }
    }
    return new Source.Files(out, bool(here, n, "include_content"));
  }

  private static Source command(String here, JsonNode n) {
    List<String> argv = strings(here, n, "command");
    boolean shell = bool(here, n, "shell");
    if (shell && argv.size() != 1) {
      throw new CollectorsConfigException(
          here + ": command: with shell: true, want one string, got " + argv.size());
    }
    return new Source.Command(argv, shell);
  }

  private static Source http(String here, JsonNode n) {
    String url = text(here, n, "http");
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new CollectorsConfigException(here + ": http: not a URL: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new CollectorsConfigException(here + ": http: want an http or https URL, got " + url);
    }
    return new Source.Http(uri);
  }

  private static Source builtin(String here, JsonNode n) {
    String b = text(here, n, "builtin");
    for (Source.Which w : Source.Which.values()) {
      if (w.text().equals(b)) {
        return new Source.Builtin(w);
      }
    }
    throw new CollectorsConfigException(
        here + ": builtin: want checkpoint, health or witnesses, got \"" + b + "\"");
  }

  /** {@code <n>ms}, {@code <n>s}, {@code <n>m} or {@code <n>h}, 1 s to 1 h. */
  static Duration timeout(String here, String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new CollectorsConfigException(
          here + ": timeout: want <n>ms, <n>s, <n>m or <n>h, got \"" + text + "\"");
    }
    long v = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(v);
          case "s" -> Duration.ofSeconds(v);
          case "m" -> Duration.ofMinutes(v);
          default -> Duration.ofHours(v);
        };
    if (d.compareTo(CollectorSpec.MIN_TIMEOUT) < 0 || d.compareTo(CollectorSpec.MAX_TIMEOUT) > 0) {
      throw new CollectorsConfigException(here + ": timeout: want 1s to 1h, got " + text);
    }
    return d;
  }

  private static String text(String here, JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw new CollectorsConfigException(here + ": " + key + ": missing");
    }
    if (!v.isValueNode() || v.isBoolean()) {
      throw new CollectorsConfigException(here + ": " + key + ": want a string");
    }
    String s = v.asText();
    if (s.isEmpty()) {
      throw new CollectorsConfigException(here + ": " + key + ": empty");
    }
    return s;
  }

  private static boolean bool(String here, JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new CollectorsConfigException(here + ": " + key + ": want true or false");
    }
    return v.asBoolean();
  }

  private static List<String> strings(String here, JsonNode n, String key) {
    JsonNode v = n.get(key);
    List<String> out = new ArrayList<>();
    if (v != null && v.isTextual()) {
      out.add(v.asText());
    } else if (v != null && v.isArray()) {
      for (JsonNode e : v) {
        if (!e.isValueNode() || e.isNull() || e.isBoolean() || e.asText().isEmpty()) {
          throw new CollectorsConfigException(here + ": " + key + ": want non-empty strings");
        }
        out.add(e.asText());
      }
    }
    if (out.isEmpty()) {
      throw new CollectorsConfigException(here + ": " + key + ": want a non-empty list of strings");
    }
    return out;
  }
}
