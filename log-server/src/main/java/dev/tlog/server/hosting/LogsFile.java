package dev.tlog.server.hosting;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tlog.server.LedgerSettings;
import dev.tlog.server.ServerConfig;
import dev.tlog.server.evidence.config.CollectorsFile;
import dev.tlog.server.publish.s3.S3Settings;
import dev.tlog.server.storage.LogMode;
import dev.tlog.server.witnessing.Witness;
import dev.tlog.server.witnessing.WitnessPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a logs file (YAML, spec/scaling.md "Several logs in one process"): a mapping with the one
 * key {@code logs}, a list of logs. Each log sets what belongs to one log (name, origin, ports,
 * data directory, key, mode, witnesses, collectors, bucket, close); everything else comes from the
 * command line's configuration, shared by all. Strict and all-or-nothing: an unknown or duplicate
 * key, a missing required key, two logs with the same name, origin, data directory, key file or
 * port, are refused with a message naming the log and the key, and no log is started.
 */
public final class LogsFile {
  /** Most logs one file may list. */
  public static final int MAX_LOGS = 64;

  /** Largest logs file read. */
  public static final long MAX_BYTES = 1 << 20;

  private static final Set<String> KEYS =
      Set.of(
          "name",
          "origin",
          "data-dir",
          "key-file",
          "grpc-port",
          "http-port",
          "mode",
          "witnesses",
          "witness-quorum",
          "collectors",
          "s3",
          "close");
  private static final Set<String> S3_KEYS =
      Set.of("bucket", "prefix", "endpoint", "region", "path-style");

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

  private LogsFile() {}

  /**
   * Reads {@code file}; each log's configuration is {@code shared} with that log's keys applied. A
   * log without {@code data-dir} lives in {@code <shared data dir>/<name>}; without {@code
   * key-file} its key is {@code <its data dir>/log.key}.
   */
  public static List<HostedLog> read(Path file, ServerConfig shared) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new LogsFileException("logs file " + file + ": larger than " + MAX_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new LogsFileException("logs file " + file + ": cannot read: " + e, e);
    }
    return parse(new String(bytes, StandardCharsets.UTF_8), file.toString(), shared);
  }

  /** Parses logs file text; {@code source} names it in messages. */
  public static List<HostedLog> parse(String yaml, String source, ServerConfig shared) {
    String where = "logs file " + source + ": ";
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new LogsFileException(where + "not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new LogsFileException(where + "want a mapping with the key \"logs\"");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!k.equals("logs")) {
        throw new LogsFileException(where + "unknown key \"" + k + "\"");
      }
    }
    JsonNode list = root.get("logs");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new LogsFileException(where + "logs: want a list of at least one log");
    }
    if (list.size() > MAX_LOGS) {
      throw new LogsFileException(where + "logs: " + list.size() + " logs, at most " + MAX_LOGS);
    }
    List<HostedLog> out = new ArrayList<>();
    Distinct distinct = new Distinct(where);
    for (int i = 0; i < list.size(); i++) {
      HostedLog log = log(where, i, list.get(i), shared);
      distinct.check(log);
      out.add(log);
    }
    return List.copyOf(out);
  }

  private static HostedLog log(String where, int i, JsonNode n, ServerConfig shared) {
    String at = where + "log #" + (i + 1);
    if (!n.isObject()) {
      throw new LogsFileException(at + ": want a mapping");
    }
    String name = text(at, n, "name");
    if (!HostedLog.NAME.matcher(name).matches()) {
      throw new LogsFileException(
          at + ": name: \"" + name + "\" must match " + HostedLog.NAME.pattern());
    }
    String here = where + "log \"" + name + "\"";
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) {
        throw new LogsFileException(here + ": unknown key \"" + k + "\"");
      }
    }
    Path dataDir =
        n.has("data-dir") ? Path.of(text(here, n, "data-dir")) : shared.dataDir().resolve(name);
    ServerConfig.Builder b =
        shared.toBuilder()
            .dataDir(dataDir)
            .origin(text(here, n, "origin"))
            .keyFile(
                n.has("key-file") ? Path.of(text(here, n, "key-file")) : dataDir.resolve("log.key"))
            .grpcPort(port(here, n, "grpc-port"))
            .httpPort(port(here, n, "http-port"))
            .ledger(
                new LedgerSettings(
                    n.has("mode") ? mode(here, n) : shared.ledger().mode(),
                    shared.ledger().eventMaxFuture(),
                    shared.ledger().eventMaxAge()))
            .witnesses(witnesses(here, n))
            .collectors(
                n.has("collectors")
                    ? Optional.of(CollectorsFile.read(Path.of(text(here, n, "collectors"))))
                    : Optional.empty())
            .publish(n.has("s3") ? Optional.of(s3(here, n.get("s3"))) : Optional.empty())
            .close(n.has("close") && bool(here, n, "close"));
    try {
      return new HostedLog(name, b.build());
    } catch (IllegalArgumentException e) {
      throw new LogsFileException(here + ": " + e.getMessage(), e);
    }
  }

  private static WitnessPolicy witnesses(String here, JsonNode n) {
    JsonNode list = n.get("witnesses");
    if (list == null) {
      if (n.has("witness-quorum")) {
        throw new LogsFileException(here + ": witness-quorum: needs witnesses");
      }
      return WitnessPolicy.none();
    }
    if (!list.isArray()) {
      throw new LogsFileException(here + ": witnesses: want a list of \"<vkey> <url>\"");
    }
    List<Witness> ws = new ArrayList<>();
    for (JsonNode w : list) {
      if (!w.isTextual()) {
        throw new LogsFileException(here + ": witnesses: want a list of \"<vkey> <url>\"");
      }
      try {
        ws.add(Witness.parse(w.asText()));
      } catch (RuntimeException e) {
        throw new LogsFileException(here + ": witnesses: " + e.getMessage(), e);
      }
    }
    int quorum = ws.size();
    if (n.has("witness-quorum")) {
      JsonNode q = n.get("witness-quorum");
      if (!q.isInt()) {
        throw new LogsFileException(here + ": witness-quorum: want a whole number");
      }
      quorum = q.asInt();
    }
    try {
      return new WitnessPolicy(ws, quorum);
    } catch (RuntimeException e) {
      throw new LogsFileException(here + ": witnesses: " + e.getMessage(), e);
    }
  }

  private static S3Settings s3(String here, JsonNode n) {
    String at = here + ": s3";
    if (!n.isObject()) {
      throw new LogsFileException(
          at
              + ": want a mapping with bucket, and optionally prefix,"
              + " endpoint, region, path-style");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!S3_KEYS.contains(k)) {
        throw new LogsFileException(at + ": unknown key \"" + k + "\"");
      }
    }
    Optional<String> endpoint =
        n.has("endpoint") ? Optional.of(text(at, n, "endpoint")) : Optional.empty();
    try {
      return new S3Settings(
          text(at, n, "bucket"),
          n.has("prefix") ? text(at, n, "prefix") : "",
          n.has("region") ? text(at, n, "region") : "us-east-1",
          endpoint,
          n.has("path-style") ? bool(at, n, "path-style") : endpoint.isPresent());
    } catch (IllegalArgumentException e) {
      throw new LogsFileException(at + ": " + e.getMessage(), e);
    }
  }

  private static LogMode mode(String here, JsonNode n) {
    String m = text(here, n, "mode");
    try {
      return LogMode.valueOf(m.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new LogsFileException(here + ": mode: \"" + m + "\" is not ledger or opaque", e);
    }
  }

  private static String text(String here, JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw new LogsFileException(here + ": " + key + ": missing");
    }
    if (!v.isTextual() || v.asText().isEmpty()) {
      throw new LogsFileException(here + ": " + key + ": want a non-empty string");
    }
    return v.asText();
  }

  private static int port(String here, JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null) {
      throw new LogsFileException(here + ": " + key + ": missing");
    }
    if (!v.isInt() || v.asInt() < 0 || v.asInt() > 65535) {
      throw new LogsFileException(here + ": " + key + ": want a port number 0..65535");
    }
    return v.asInt();
  }

  private static boolean bool(String here, JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (!v.isBoolean()) {
      throw new LogsFileException(here + ": " + key + ": want true or false");
    }
    return v.asBoolean();
  }

  /** What two logs of one file may not share. Port 0 (any free port) may repeat. */
  private static final class Distinct {
    private final String where;
    private final Map<String, String> seen = new HashMap<>();

    Distinct(String where) {
      this.where = where;
    }

    void check(HostedLog log) {
      ServerConfig c = log.config();
      claim(log, "name", log.name());
      claim(log, "origin", c.origin());
      claim(log, "data-dir", c.dataDir().toAbsolutePath().normalize().toString());
      claim(log, "key-file", c.keyFile().toAbsolutePath().normalize().toString());
      if (c.grpcPort() != 0) {
        claim(log, "port", Integer.toString(c.grpcPort()));
      }
      if (c.httpPort() != 0) {
        claim(log, "port", Integer.toString(c.httpPort()));
      }
    }

    private void claim(HostedLog log, String what, String value) {
      String previous = seen.putIfAbsent(what + "\0" + value, log.name());
      if (previous != null) {
        throw new LogsFileException(
            where
                + "log \""
                + log.name()
                + "\": "
                + what
                + " "
                + value
                + " is already used by log \""
                + previous
                + "\"");
      }
    }
  }
}
