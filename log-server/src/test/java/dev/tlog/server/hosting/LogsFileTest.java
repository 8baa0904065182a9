package dev.tlog.server.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.server.ServerConfig;
import dev.tlog.server.storage.LogMode;
import dev.tlog.server.testing.TestLog;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** spec/scaling.md, "Several logs in one process": the logs file, strict and all-or-nothing. */
class LogsFileTest {
  private static final ServerConfig SHARED = TestLog.config(Path.of("base"));

  @Test
  void eachLogGetsItsOwnIdentityAndTheSharedRest() {
    List<HostedLog> logs =
        LogsFile.parse(
            """
            logs:
              - name: audit-2026
                origin: example.com/audit/2026
                grpc-port: 7410
                http-port: 7411
                mode: opaque
                close: true
              - name: audit-2027
                origin: example.com/audit/2027
                data-dir: /srv/tlog/2027
                key-file: /etc/tlog/2027.key
                grpc-port: 7420
                http-port: 7421
                s3: {bucket: logs, prefix: audit/2027/, endpoint: "http://127.0.0.1:9000"}
            """,
            "t",
            SHARED);
    assertEquals(2, logs.size());
    ServerConfig a = logs.get(0).config();
    assertEquals("audit-2026", logs.get(0).name());
    assertEquals("example.com/audit/2026", a.origin());
    assertEquals(Path.of("base", "audit-2026"), a.dataDir());
    assertEquals(Path.of("base", "audit-2026", "log.key"), a.keyFile());
    assertEquals(7410, a.grpcPort());
    assertEquals(7411, a.httpPort());
    assertEquals(LogMode.OPAQUE, a.ledger().mode());
    assertTrue(a.close());
    assertTrue(a.publish().isEmpty());
    assertEquals(SHARED.appendLimits(), a.appendLimits());
    assertEquals(SHARED.bindHost(), a.bindHost());

    ServerConfig b = logs.get(1).config();
    assertEquals(Path.of("/srv/tlog/2027"), b.dataDir());
    assertEquals(Path.of("/etc/tlog/2027.key"), b.keyFile());
    assertFalse(b.close());
    assertEquals("logs", b.publish().orElseThrow().bucket());
    assertEquals("audit/2027/", b.publish().orElseThrow().prefix());
    assertTrue(b.publish().orElseThrow().pathStyle(), "an endpoint means path-style by default");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "logs: []| logs: want a list of at least one log",
        "tenants: []| unknown key \"tenants\"",
        "logs: [{origin: o, grpc-port: 1, http-port: 2}]| log #1: name: missing",
        "logs: [{name: A, origin: o, grpc-port: 1, http-port: 2}]| name: \"A\" must match",
        "logs: [{name: a, grpc-port: 1, http-port: 2}]| log \"a\": origin: missing",
        "logs: [{name: a, origin: o, http-port: 2}]| log \"a\": grpc-port: missing",
        "logs: [{name: a, origin: o, grpc-port: 70000, http-port: 2}]| grpc-port: want a port",
        "logs: [{name: a, origin: o, grpc-port: 1, http-port: 2, colour: red}]| unknown key"
            + " \"colour\"",
        "logs: [{name: a, origin: o, grpc-port: 1, http-port: 2, mode: odd}]| mode: \"odd\" is"
            + " not ledger or opaque",
        "logs: [{name: a, origin: o, grpc-port: 1, http-port: 2, close: yes please}]| close: want"
            + " true or false",
        "logs: [{name: a, origin: o, grpc-port: 1, http-port: 2, witness-quorum: 1}]|"
            + " witness-quorum: needs witnesses",
        "logs: [{name: a, origin: o, grpc-port: 1, http-port: 2, s3: {prefix: x/}}]| s3: bucket:"
            + " missing",
        "logs: [{name: a, origin: o, grpc-port: 1, http-port: 2, s3: {bucket: b, acl: x}}]| s3:"
            + " unknown key \"acl\"",
        "logs: [{name: a, origin: o, grpc-port: 1, http-port: 1}]| port 1 is already used by log"
            + " \"a\"",
        "logs: [{name: a, origin: o, grpc-port: 1, http-port: 2}, {name: a, origin: p, grpc-port:"
            + " 3, http-port: 4}]| name a is already used by log \"a\"",
        "logs: [{name: a, origin: o, grpc-port: 1, http-port: 2}, {name: b, origin: o, grpc-port:"
            + " 3, http-port: 4}]| log \"b\": origin o is already used by log \"a\"",
        "logs: [{name: a, origin: o, grpc-port: 1, http-port: 2}, {name: b, origin: p, grpc-port:"
            + " 3, http-port: 2}]| log \"b\": port 2 is already used by log \"a\"",
        "logs: [{name: a, origin: o, grpc-port: 1, http-port: 2, data-dir: d}, {name: b, origin:"
            + " p, grpc-port: 3, http-port: 4, data-dir: d}]| data-dir",
        "logs: [{name: a, origin: o, name: b, grpc-port: 1, http-port: 2}]| not valid YAML",
      })
  void badFilesAreRefusedNamingTheLogAndKey(String yaml, String expected) {
    LogsFileException e =
        assertThrows(LogsFileException.class, () -> LogsFile.parse(yaml, "t", SHARED));
    assertTrue(e.getMessage().contains(expected.strip()), e.getMessage());
  }

  @Test
  void portZeroMayRepeat() {
    List<HostedLog> logs =
        LogsFile.parse(
            "logs: [{name: a, origin: o, grpc-port: 0, http-port: 0},"
                + " {name: b, origin: p, grpc-port: 0, http-port: 0}]",
            "t",
            SHARED);
    assertEquals(2, logs.size());
  }

  @Property(tries = 500)
  void garbageIsALogsFileExceptionOrParses(@ForAll @StringLength(max = 200) String text) {
    try {
      LogsFile.parse(text, "t", SHARED);
    } catch (LogsFileException expected) {
      // the only way to refuse
    }
  }

  @Property(tries = 300)
  void mutatedValidFilesAreRefusedOnlyWithLogsFileException(
      @ForAll int position, @ForAll char replacement) {
    String valid = "logs:\n  - {name: a, origin: o, grpc-port: 1, http-port: 2, s3: {bucket: b}}\n";
    int at = Math.floorMod(position, valid.length());
    String mutated = valid.substring(0, at) + replacement + valid.substring(at + 1);
    try {
      LogsFile.parse(mutated, "t", SHARED);
    } catch (LogsFileException expected) {
      // the only way to refuse
    }
  }
}
