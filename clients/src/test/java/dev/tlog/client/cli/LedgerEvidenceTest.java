package dev.tlog.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlog.client.bundle.BundleVerificationException;
import dev.tlog.client.bundle.BundleVerificationException.Failure;
import dev.tlog.client.bundle.BundleVerifier;
import dev.tlog.client.testing.Cli;
import dev.tlog.client.testing.Cli.Result;
import dev.tlog.client.testing.LedgerServer;
import dev.tlog.merkle.bundle.BundleCodec;
import dev.tlog.merkle.bundle.EvidenceBundle;
import dev.tlog.merkle.bundle.LedgerEvidence;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.note.Notes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** tlog export of ledger evidence, tlog verify-bundle, and tampered bundles. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerEvidenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private LedgerServer server;
  private String from;
  private String to;
  private Path window;
  private EvidenceBundle bundle;

  @BeforeAll
  void start() throws Exception {
    server = LedgerServer.start(tmp.resolve("data"));
    ok(Cli.runWithStdin(lines("agent:early", 2), grpc("ingest")));
    Thread.sleep(10);
    from = Instant.now().toString();
    Thread.sleep(5);
    ok(
        Cli.runWithStdin(
            lines("agent:suspect", 4) + lines("agent:bystander", 3),
            grpc("ingest", "--window", "2")));
    Thread.sleep(5);
    to = Instant.now().toString();
    Thread.sleep(5);
    ok(Cli.runWithStdin(lines("agent:late", 2), grpc("ingest")));
    window = tmp.resolve("window.json");
    ok(
        Cli.run(
            grpc(
                "export",
                "--received-from",
                from,
                "--received-to",
                to,
                "--actor",
                "agent:suspect",
                "-o",
                window.toString())));
    bundle = BundleCodec.decode(Files.readAllBytes(window));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static String lines(String actor, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(
          "{\"actor\":\""
              + actor
              + "\",\"action\":\"agent.tool_call\",\"payload\":{\"tool\":\"t"
              + i
              + "\",\"note\":\""
              + actor
              + " step "
              + i
              + "\"}}\n");
    }
    return b.toString();
  }

  String[] grpc(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--grpc",
            server.grpc(),
            "--vkey",
            server.vkey(),
            "--state-dir",
            tmp.resolve("state").toString()));
    return all.toArray(String[]::new);
  }

  static Result ok(Result r) {
    assertEquals(0, r.exit(), r::toString);
    return r;
  }

  @Test
  void windowBundleVerifiesOfflineAndShowsTheMatches() throws Exception {
    assertEquals(2, bundle.version());
    LedgerEvidence l = bundle.ledger().orElseThrow();
    assertEquals(4, l.matches().size());
    assertTrue(l.window().isPresent());
    Result v = ok(Cli.run("verify-bundle", "--vkey", server.vkey(), window.toString()));
    assertTrue(v.out().contains("completeness conditions 1-4 hold"), v::toString);
    assertTrue(v.out().contains("matches: 4 events"), v::toString);
    JsonNode j =
        JSON.readTree(
            ok(Cli.run("verify-bundle", "--json", "--vkey", server.vkey(), window.toString()))
                .out());
    assertEquals("window", j.get("ledger").get("kind").asText());
    assertEquals(7, j.get("ledger").get("window").get("events").asLong());
  }

  @Test
  void hitsOnlyBundleRoundTrips() throws Exception {
    Path hits = tmp.resolve("hits.json");
    Result e =
        ok(
            Cli.run(
                grpc(
                    "export",
                    "--actor",
                    "agent:bystander",
                    "--text",
                    "step",
                    "--json",
                    "-o",
                    hits.toString())));
    assertEquals("events", JSON.readTree(e.out()).get("kind").asText());
    Result v = ok(Cli.run("verify-bundle", "--vkey", server.vkey(), hits.toString()));
    assertTrue(v.out().contains("3 events, each with its inclusion proof"), v::toString);
    Result vj = ok(Cli.run("verify-bundle", "--json", hits.toString()));
    assertEquals(3, JSON.readTree(vj.out()).get("ledger").get("matches").size());
  }

  /** Writes {@code b} canonically and runs verify-bundle on it. */
  private Result verify(String name, EvidenceBundle b, String vkey) throws Exception {
    Path f = tmp.resolve(name + ".json");
    Files.write(f, BundleCodec.encode(b));
    return Cli.run("verify-bundle", "--vkey", vkey, f.toString());
  }

  private static EvidenceBundle withEntries(
      EvidenceBundle b, UnaryOperator<List<EvidenceBundle.Entry>> change) {
    return new EvidenceBundle(
        b.origin(),
        b.logVkey(),
        b.witnessVkeys(),
        b.checkpoint(),
        change.apply(new ArrayList<>(b.entries())),
        b.ledger());
  }

  private int firstMatch() {
    long m = bundle.ledger().orElseThrow().matches().get(0);
    for (int k = 0; k < bundle.entries().size(); k++) {
      if (bundle.entries().get(k).index() == m) {
        return k;
      }
    }
    throw new IllegalStateException();
  }

  private static Failure failure(EvidenceBundle b, String vkey) {
    return assertThrows(BundleVerificationException.class, () -> BundleVerifier.verify(b, vkey))
        .failure();
  }

  @Test
  void everyTamperingFails() throws Exception {
    String vkey = server.vkey();
    int k = firstMatch();

    // A flipped byte in an entry: the leaf hash no longer matches; recomputing it breaks the range.
    EvidenceBundle flipped =
        withEntries(
            bundle,
            es -> {
              EvidenceBundle.Entry e = es.get(k);
              byte[] d = e.data();
              d[d.length / 2] ^= 0x01;
              es.set(
                  k,
                  new EvidenceBundle.Entry(
                      e.index(), d, e.leafHash(), e.proof(), e.payloadRecord()));
              return es;
            });
    assertEquals(Failure.LEAF_HASH, failure(flipped, vkey));
    Result r = verify("flipped", flipped, vkey);
    assertEquals(ExitCodes.VERIFICATION_FAILED, r.exit(), r::toString);
    assertTrue(r.err().contains("LEAF_HASH"), r::toString);
    EvidenceBundle rehashed =
        withEntries(
            flipped,
            es -> {
              EvidenceBundle.Entry e = es.get(k);
              es.set(
                  k,
                  new EvidenceBundle.Entry(
                      e.index(),
                      e.data(),
                      TreeHasher.leafHash(e.data()),
                      e.proof(),
                      e.payloadRecord()));
              return es;
            });
    assertEquals(Failure.RANGE, failure(rehashed, vkey));

    // A dropped event: the window's range has a hole.
    EvidenceBundle dropped =
        withEntries(
            bundle,
            es -> {
              es.remove(k);
              return es;
            });
    assertEquals(Failure.RANGE, failure(dropped, vkey));

    // A payload record changed: it no longer matches the entry's commitment.
    EvidenceBundle payload =
        withEntries(
            bundle,
            es -> {
              EvidenceBundle.Entry e = es.get(k);
              String p =
                  new String(e.payloadRecord(), StandardCharsets.UTF_8).replace("step", "stop");
              es.set(
                  k,
                  new EvidenceBundle.Entry(
                      e.index(),
                      e.data(),
                      e.leafHash(),
                      e.proof(),
                      p.getBytes(StandardCharsets.UTF_8)));
              return es;
            });
    assertEquals(Failure.PAYLOAD, failure(payload, vkey));

    // A reordered event: two entries swap places (indexes kept): the range proof fails; swapped
    // with their indexes, the file is not a bundle (indexes must increase).
    EvidenceBundle reordered =
        withEntries(
            bundle,
            es -> {
              EvidenceBundle.Entry a = es.get(k);
              EvidenceBundle.Entry b = es.get(k + 1);
              es.set(
                  k,
                  new EvidenceBundle.Entry(
                      a.index(), b.data(), b.leafHash(), b.proof(), b.payloadRecord()));
              es.set(
                  k + 1,
                  new EvidenceBundle.Entry(
                      b.index(), a.data(), a.leafHash(), a.proof(), a.payloadRecord()));
              return es;
            });
    assertEquals(Failure.RANGE, failure(reordered, vkey));
    String text = Files.readString(window);
    EvidenceBundle.Entry a = bundle.entries().get(k);
    EvidenceBundle.Entry b = bundle.entries().get(k + 1);
    String swapped =
        text.replace("\"index\" : \"" + a.index() + "\"", "\"index\" : \"X\"")
            .replace("\"index\" : \"" + b.index() + "\"", "\"index\" : \"" + a.index() + "\"")
            .replace("\"index\" : \"X\"", "\"index\" : \"" + b.index() + "\"");
    Path sw = tmp.resolve("swapped.json");
    Files.writeString(sw, swapped);
    Result rs = Cli.run("verify-bundle", "--vkey", vkey, sw.toString());
    assertEquals(ExitCodes.VERIFICATION_FAILED, rs.exit(), rs::toString);

    // A hidden match: the listed matches no longer equal what the filter finds.
    LedgerEvidence l = bundle.ledger().orElseThrow();
    EvidenceBundle fewer =
        new EvidenceBundle(
            bundle.origin(),
            bundle.logVkey(),
            bundle.witnessVkeys(),
            bundle.checkpoint(),
            bundle.entries(),
            Optional.of(
                new LedgerEvidence(
                    l.filter(), l.window(), l.matches().subList(1, l.matches().size()))));
    assertEquals(Failure.MATCHES, failure(fewer, vkey));

    // A foreign key: pinned to another key, or the checkpoint re-signed by a stranger.
    Ed25519NoteSigner stranger = Ed25519NoteSigner.generate(bundle.origin(), new SecureRandom());
    assertEquals(Failure.LOG_KEY, failure(bundle, stranger.verifierKey()));
    Note n = Note.parse(bundle.checkpoint());
    String forged = Notes.sign(n.text(), stranger).serialize();
    EvidenceBundle resigned =
        new EvidenceBundle(
            bundle.origin(),
            stranger.verifierKey(),
            List.of(),
            forged,
            bundle.entries(),
            bundle.ledger());
    assertEquals(Failure.LOG_KEY, failure(resigned, vkey));
    Result rk = verify("resigned", resigned, vkey);
    assertEquals(ExitCodes.VERIFICATION_FAILED, rk.exit(), rk::toString);
  }
}
