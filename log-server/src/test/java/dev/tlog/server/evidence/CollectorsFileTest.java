package dev.tlog.server.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.server.evidence.config.CollectorSpec;
import dev.tlog.server.evidence.config.CollectorsConfig;
import dev.tlog.server.evidence.config.CollectorsConfigException;
import dev.tlog.server.evidence.config.CollectorsFile;
import dev.tlog.server.evidence.config.Source;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The collectors file is read strictly: every refusal names the collector and key. */
class CollectorsFileTest {
  private static CollectorsConfig parse(String yaml) {
    return CollectorsFile.parse(yaml, "test.yaml");
  }

  private static String refused(String yaml) {
    return assertThrows(CollectorsConfigException.class, () -> parse(yaml)).getMessage();
  }

  @Test
  void readsTheSpecExample() {
    CollectorsConfig c =
        parse(
            """
            collectors:
              - name: sshd-config
                schedule: hourly
                files: [/etc/ssh/sshd_config]
                include_content: false
              - name: disk-usage
                schedule: every 15m
                command: [df, -h]
                timeout: 30s
              - name: cron-jobs
                schedule: cron 0 */6 * * *
                command: ["crontab -l | sort"]
                shell: true
              - name: app-health
                schedule: every 5m
                http: http://127.0.0.1:9000/healthz
              - name: log-checkpoint
                schedule: hourly
                builtin: checkpoint
            """);
    List<CollectorSpec> cs = c.collectors();
    assertEquals(5, cs.size());
    assertEquals(new Source.Command(List.of("df", "-h"), false), cs.get(1).source());
    assertEquals(Duration.ofSeconds(30), cs.get(1).timeout());
    assertEquals(Duration.ofSeconds(60), cs.get(0).timeout());
    assertEquals("every 15m", cs.get(1).schedule().text());
    assertEquals(new Source.Command(List.of("crontab -l | sort"), true), cs.get(2).source());
    assertEquals("http", cs.get(3).kind());
    assertEquals(new Source.Builtin(Source.Which.CHECKPOINT), cs.get(4).source());
    assertEquals(5, c.scheduleRecord().collectors().size());
  }

  @Test
  void emptyListIsAllowed() {
    assertTrue(parse("collectors: []").collectors().isEmpty());
  }

  @Test
  void refusals() {
    assertTrue(
        refused(
                "collectors:\n  - name: a\n    schedule: hourly\n    builtin: health\n    colour: red\n")
            .contains("collector \"a\": unknown key \"colour\""));
    assertTrue(
        refused(
                "collectors:\n  - {name: a, schedule: hourly, builtin: health}\n"
                    + "  - {name: a, schedule: daily, builtin: health}\n")
            .contains("collector \"a\" (#2): name: duplicate"));
    assertTrue(
        refused("collectors:\n  - {name: a, schedule: fortnightly, builtin: health}\n")
            .contains("collector \"a\": schedule:"));
    assertTrue(
        refused("collectors:\n  - {name: a, schedule: hourly, builtin: health, command: [ls]}\n")
            .contains(
                "collector \"a\": want exactly one of files, command, http, builtin, got command, builtin"));
    assertTrue(
        refused("collectors:\n  - {name: a, schedule: hourly}\n")
            .contains(
                "collector \"a\": want exactly one of files, command, http, builtin, got none"));
    assertTrue(
        refused("collectors:\n  - {name: a, schedule: hourly, command: [ls], timeout: 2h}\n")
            .contains("collector \"a\": timeout: want 1s to 1h, got 2h"));
    assertTrue(
        refused("collectors:\n  - {name: a, schedule: hourly, command: [ls], timeout: 500ms}\n")
            .contains("timeout: want 1s to 1h"));
    assertTrue(
        refused("collectors:\n  - {name: a, schedule: hourly, command: [ls, -l], shell: true}\n")
            .contains("collector \"a\": command: with shell: true, want one string"));
    assertTrue(
        refused("collectors:\n  - {name: a, schedule: hourly, http: ftp://x/}\n")
            .contains("collector \"a\": http: want an http or https URL"));
    assertTrue(
        refused("collectors:\n  - {name: a, schedule: hourly, builtin: uptime}\n")
            .contains("collector \"a\": builtin: want checkpoint, health or witnesses"));
    assertTrue(
        refused("collectors:\n  - {name: Bad Name, schedule: hourly, builtin: health}\n")
            .contains("collector #1: name:"));
    assertTrue(
        refused("collectors:\n  - {name: a, schedule: hourly, builtin: health, shell: true}\n")
            .contains("collector \"a\": shell: only for command"));
    assertTrue(
        refused("collectors:\n  - {name: a, name: b, schedule: hourly, builtin: health}\n")
            .contains("not valid YAML"));
    assertTrue(refused("collector: []\n").contains("unknown key \"collector\""));
  }

  @Test
  void limits() {
    StringBuilder many = new StringBuilder("collectors:\n");
    for (int i = 0; i < 257; i++) {
      many.append("  - {name: c").append(i).append(", schedule: hourly, builtin: health}\n");
    }
    assertTrue(refused(many.toString()).contains("257 collectors, at most 256"));
    StringBuilder files =
        new StringBuilder("collectors:\n  - name: f\n    schedule: hourly\n    files:\n");
    for (int i = 0; i < 10_001; i++) {
      files.append("      - /tmp/f").append(i).append('\n');
    }
    assertTrue(
        refused(files.toString()).contains("collector \"f\": files: 10001 entries, at most 10000"));
  }
}
