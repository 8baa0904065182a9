package dev.tlog.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlog.client.testing.Cli;
import dev.tlog.client.testing.Cli.Result;
import dev.tlog.client.testing.LogServerProcess;
import dev.tlog.merkle.hash.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every tlog command against a real log server on loopback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private LogServerProcess server;

  @BeforeAll
  void startServer() throws Exception {
    server = LogServerProcess.start(tmp.resolve("data"), null);
  }

  @AfterAll
  void stopServer() {
    server.close();
  }

  private String[] grpc(String... args) {
    return with(args, "--grpc", server.grpc());
  }

  private String[] http(String... args) {
    return with(args, "--http", server.http());
  }

  private String[] with(String[] args, String where, String address) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            where,
            address,
            "--vkey",
            server.vkey(),
            "--state-dir",
            tmp.resolve("state").toString()));
    return all.toArray(String[]::new);
  }

  private static Result ok(Result r) {
    assertEquals(0, r.exit(), r::toString);
    return r;
  }

  private static String unique() {
    return "entry-" + UUID.randomUUID();
  }

  @Test
  void appendFromArgumentsThenProveInclusionByIndexEntryAndOverTiles() throws Exception {
    String e = unique();
    Result a = ok(Cli.run(grpc("append", "--json", e)));
    JsonNode receipt = JSON.readTree(a.out()).get("appended").get(0);
    long index = receipt.get("index").asLong();
    assertEquals(
        TreeHasher.leafHash(e.getBytes(StandardCharsets.UTF_8)).toHex(),
        receipt.get("leaf_hash").asText());

    Result byIndex = ok(Cli.run(grpc("prove", "inclusion", "--index", Long.toString(index))));
    assertTrue(
        byIndex.out().contains("verified: entry " + index + " is in the tree"), byIndex::toString);
    Result byEntry = ok(Cli.run(grpc("prove", "inclusion", "--entry", e)));
    assertTrue(byEntry.out().contains("entry index: " + index), byEntry::toString);
    Result tiles =
        ok(Cli.run(http("prove", "inclusion", "--index", Long.toString(index), "--json")));
    assertTrue(JSON.readTree(tiles.out()).get("verified").asBoolean());
    Result noLookupOverTiles = Cli.run(http("prove", "inclusion", "--entry", e));
    assertEquals(ExitCodes.REJECTED, noLookupOverTiles.exit(), noLookupOverTiles::toString);
  }

  @Test
  void appendFromFileStdinAndBatchAndDuplicates() throws Exception {
    Path f = tmp.resolve("entry.bin");
    Files.write(f, new byte[] {0, 1, 2, (byte) 255});
    ok(Cli.run(grpc("append", "--file", f.toString())));
    Result again = ok(Cli.run(grpc("append", "--file", f.toString())));
    assertTrue(again.out().contains("already present at index"), again::toString);

    String lines = unique() + "\n" + unique() + "\n\n" + unique() + "\n";
    Result stdin = ok(Cli.runWithStdin(lines, grpc("append", "--window", "2")));
    assertTrue(stdin.out().contains("3 entries appended and verified"), stdin::toString);

    Result batch = ok(Cli.run(grpc("append", "--batch", "--json", unique(), unique())));
    JsonNode r = JSON.readTree(batch.out()).get("appended");
    assertEquals(r.get(0).get("index").asLong() + 1, r.get(1).get("index").asLong());
  }

  @Test
  void checkpointPrintsWhatWasVerified() throws Exception {
    ok(Cli.run(grpc("append", unique())));
    Result text = ok(Cli.run(grpc("checkpoint")));
    assertTrue(text.out().contains("origin:     " + LogServerProcess.ORIGIN), text::toString);
    assertTrue(text.out().contains("signed by:  " + LogServerProcess.ORIGIN), text::toString);
    assertTrue(text.out().contains("chain head: "), text::toString);
    JsonNode j = JSON.readTree(ok(Cli.run(http("checkpoint", "--json"))).out());
    assertTrue(j.get("size").asLong() >= 1);
    assertEquals(64, j.get("chain_head").asText().length());
  }

  @Test
  void proveConsistencyOverGrpcAndTiles() throws Exception {
    for (int i = 0; i < 3; i++) {
      ok(Cli.run(grpc("append", unique())));
    }
    Result latest = ok(Cli.run(grpc("prove", "consistency", "1")));
    assertTrue(latest.out().contains("verified: size 1 is a prefix of size"), latest::toString);
    Result between = ok(Cli.run(http("prove", "consistency", "--json", "1", "3")));
    JsonNode j = JSON.readTree(between.out());
    assertEquals(3, j.get("new_size").asLong());
    assertTrue(j.get("verified").asBoolean());
    Result wrongRoot = Cli.run(grpc("prove", "consistency", "2", "--old-root", "00".repeat(32)));
    assertEquals(ExitCodes.VERIFICATION_FAILED, wrongRoot.exit(), wrongRoot::toString);
  }

  @Test
  void auditOverGrpcAndTilesAndResume() throws Exception {
    ok(Cli.run(grpc("append", unique(), unique())));
    Result g = ok(Cli.run(grpc("audit", "--restart")));
    assertTrue(g.out().contains("audit passed"), g::toString);
    assertTrue(g.err().contains("audit: 100.0%"), g::toString);
    ok(Cli.run(grpc("append", unique())));
    Result resumed = ok(Cli.run(grpc("audit")));
    assertTrue(resumed.out().contains("resumed from entry"), resumed::toString);
    Result t = ok(Cli.run(http("audit", "--no-state")));
    assertTrue(t.out().contains("recomputed = tlog-chain line"), t::toString);
  }

  @Test
  void monitorFollowsTheLogAndVerifiesEntries() {
    ok(Cli.run(grpc("append", unique())));
    Result m = ok(Cli.run(grpc("monitor", "--max-polls", "2", "--interval", "0.1", "--entries")));
    assertTrue(m.out().contains("entries verified up to"), m::toString);
    Result again = ok(Cli.run(http("monitor", "--once")));
    assertTrue(again.out().contains("checkpoint size"), again::toString);
  }

  @Test
  void exportThenVerifyBundleOfflineAndTamperedBundleFails() throws Exception {
    ok(Cli.run(grpc("append", unique(), unique(), unique())));
    Path bundle = tmp.resolve("evidence.json");
    ok(
        Cli.run(
            grpc("export", "--from", "0", "--to", "2", "--index", "3", "-o", bundle.toString())));
    Result v = ok(Cli.run("verify-bundle", "--vkey", server.vkey(), bundle.toString()));
    assertTrue(v.out().contains("bundle verified"), v::toString);
    assertTrue(v.out().contains("entry 3: leaf"), v::toString);
    Result unpinned = ok(Cli.run("verify-bundle", bundle.toString()));
    assertTrue(unpinned.out().contains("WARNING: no --vkey given"), unpinned::toString);

    byte[] good = Files.readAllBytes(bundle);
    String text = new String(good, StandardCharsets.ISO_8859_1); // char index = byte index
    int dataAt = text.indexOf("\"data_hex\" : \"") + 14;
    byte[] bad = good.clone();
    bad[dataAt] = (byte) (bad[dataAt] == '6' ? '7' : '6');
    Path tampered = tmp.resolve("tampered.json");
    Files.write(tampered, bad);
    Result t = Cli.run("verify-bundle", "--vkey", server.vkey(), tampered.toString());
    assertEquals(ExitCodes.VERIFICATION_FAILED, t.exit(), t::toString);
    assertTrue(t.err().contains("LEAF_HASH"), t::toString);
  }

  @Test
  void checkpointFromADifferentKeyIsRejected() {
    String other = "test.example/log+0a1b2c3d+AQ" + "A".repeat(41) + "=";
    Result r = Cli.run("checkpoint", "--grpc", server.grpc(), "--vkey", other, "--no-state");
    assertTrue(r.exit() == ExitCodes.VERIFICATION_FAILED, r::toString);
    Result stranger =
        Cli.run(
            "checkpoint",
            "--grpc",
            server.grpc(),
            "--vkey",
            dev.tlog.merkle.note.Ed25519NoteSigner.generate(
                    LogServerProcess.ORIGIN, new java.security.SecureRandom())
                .verifierKey(),
            "--no-state");
    assertEquals(ExitCodes.VERIFICATION_FAILED, stranger.exit(), stranger::toString);
    assertTrue(stranger.err().contains("no trusted signature"), stranger::toString);
  }

  @Test
  void errorsMapToDocumentedExitCodes() {
    Result beyond = Cli.run(grpc("prove", "inclusion", "--index", "999999"));
    assertEquals(ExitCodes.REJECTED, beyond.exit(), beyond::toString);
    Result noKey = Cli.run("checkpoint", "--grpc", server.grpc(), "--no-state");
    assertEquals(ExitCodes.USAGE, noKey.exit(), noKey::toString);
    Result appendOverTiles = Cli.run(http("append", "x"));
    assertEquals(ExitCodes.USAGE, appendOverTiles.exit(), appendOverTiles::toString);
    Result unreachable =
        Cli.run(
            "checkpoint",
            "--grpc",
            "127.0.0.1:1",
            "--vkey",
            server.vkey(),
            "--no-state",
            "--retries",
            "2");
    assertEquals(ExitCodes.UNAVAILABLE, unreachable.exit(), unreachable::toString);
    Result missingBundle = Cli.run("verify-bundle", tmp.resolve("nope.json").toString());
    assertEquals(ExitCodes.LOCAL_STATE, missingBundle.exit(), missingBundle::toString);
  }

  @Test
  void everyCommandHasHelp() {
    String[][] commands = {
      {},
      {"append"},
      {"checkpoint"},
      {"prove"},
      {"prove", "inclusion"},
      {"prove", "consistency"},
      {"monitor"},
      {"audit"},
      {"export"},
      {"verify-bundle"}
    };
    for (String[] c : commands) {
      List<String> args = new ArrayList<>(List.of(c));
      args.add("--help");
      Result r = Cli.run(args.toArray(String[]::new));
      assertEquals(0, r.exit(), r::toString);
      assertTrue(r.out().contains("Usage: tlog"), r::toString);
      assertTrue(r.out().contains("Exit codes"), () -> String.join(" ", c) + "\n" + r);
    }
  }
}
