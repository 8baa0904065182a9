package dev.tlog.witness.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.cosignature.Cosigner;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitnessConfigTest {
  private static final String LOG_KEY =
      new Ed25519NoteSigner("log.test/c", new byte[32]).verifierKey();
  private static final String WITNESS_KEY = new Cosigner("w.test/1", new byte[32]).verifierKey();

  @TempDir Path dir;

  private static WitnessConfig parse(String json) {
    return WitnessConfig.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRejected(String json, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> parse(json));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void parsesLogsAndPeers() {
    WitnessConfig c =
        parse(
            "{'logs': [{'origin': 'log.test/c', 'keys': ['"
                + LOG_KEY
                + "'], 'tiles': 'http://127.0.0.1:7401'}],"
                + " 'peers': [{'url': 'https://w.example/api', 'key': '"
                + WITNESS_KEY
                + "'}]}");
    LogConfig log = c.log("log.test/c").orElseThrow();
    assertEquals(LOG_KEY, log.verifierKeys().get(0));
    assertEquals(URI.create("http://127.0.0.1:7401/"), log.tiles().orElseThrow());
    assertEquals(URI.create("https://w.example/api/"), c.peers().get(0).url());
    assertEquals(WITNESS_KEY, c.peers().get(0).key().verifierKey());
    assertTrue(parse("{}").logs().isEmpty());
  }

  @Test
  void rejectsInvalidConfigs() {
    assertRejected("{'logs': [], 'extra': 1}", "invalid config JSON");
    assertRejected("{'logs': [{'keys': ['" + LOG_KEY + "']}]}", "has no \"origin\"");
    assertRejected("{'logs': [{'origin': 'o', 'keys': []}]}", "has no verifier key");
    assertRejected(
        "{'logs': [{'origin': 'o', 'keys': ['" + WITNESS_KEY + "']}]}",
        "must be an Ed25519 (type 0x01) note key");
    assertRejected("{'logs': [{'origin': 'o', 'keys': ['nonsense']}]}", "bad verifier key");
    assertRejected(
        "{'logs': [{'origin': 'o', 'keys': ['"
            + LOG_KEY
            + "']}, {'origin': 'o', 'keys': ['"
            + LOG_KEY
            + "']}]}",
        "configured twice");
    assertRejected(
        "{'logs': [{'origin': 'o', 'keys': ['" + LOG_KEY + "'], 'tiles': 'ftp://x/'}]}",
        "absolute http(s) URL");
    assertRejected(
        "{'peers': [{'url': 'http://x/', 'key': '" + LOG_KEY + "'}]}", "cosigner (type 0x04)");
  }

  @Test
  void keyFileIsCreatedOwnerOnlyAndReloaded() throws Exception {
    Path file = dir.resolve("sub/witness.key");
    Cosigner made = CosignerKeyFile.loadOrCreate(file, "w.test/k", false, new SecureRandom());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(
        made.verifierKey(), CosignerKeyFile.loadOrCreate(file, null, false, null).verifierKey());
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> CosignerKeyFile.loadOrCreate(file, "other/name", false, null));
    assertTrue(e.getMessage().contains("is for \"w.test/k\""), e.getMessage());
    try (var files = Files.list(file.getParent())) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }
}
