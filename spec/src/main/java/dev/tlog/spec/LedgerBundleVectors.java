package dev.tlog.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.merkle.bundle.BundleCodec;
import dev.tlog.merkle.bundle.EvidenceBundle;
import dev.tlog.merkle.bundle.LedgerEvidence;
import dev.tlog.merkle.chain.HashChain;
import dev.tlog.merkle.checkpoint.ChainHeadExtension;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.EventTime;
import dev.tlog.merkle.ledger.Severity;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.proof.MemoryHashStore;
import dev.tlog.merkle.proof.Proofs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Writes spec/vectors/bundle/ledger-bundles.json: {@code tlog-evidence-bundle/v2} bundles
 * (spec/evidence-bundle.md, "Ledger evidence") over a ledger log of 11 entries (4 clock marks, 7
 * events with fixed salts), valid windows and event selections, and mutations each labelled with
 * the expected failure. The expected matches follow from the filters by hand (listed in {@link
 * #LOG}); the clients test re-derives them with the ledger's matcher.
 */
public final class LedgerBundleVectors {
  static final String ORIGIN = "log.tlog.example/ledger";
  static final String LOG =
      "entries: 0 clock 14:00:00; 1 agent:planner agent.tool_call info (cmd ls); 2 agent:planner"
          + " agent.tool_call warning meta host=web-1 (cmd rm -rf /srv/backups); 3 clock 14:02:00;"
          + " 4 agent:planner secret.access notice; 5 user:alice ssh.session info; 6 agent:planner"
          + " agent.tool_call critical (cmd curl evil.example); 7 clock 14:05:00; 8"
          + " service:watchdog watchdog.recovery error; 9 clock 14:10:00; 10 agent:planner"
          + " health.check debug; all on 2026-11-29 UTC";

  private final List<byte[]> entries = new ArrayList<>();
  private final Map<Long, byte[]> payloads = new TreeMap<>();
  private final MemoryHashStore tree;
  private final String note;
  private final String vkey;
  private final String stranger;

  private LedgerBundleVectors() {
    mark("14:00:00");
    event(
        1,
        "agent:planner",
        "agent.tool_call",
        Severity.INFO,
        "{\"tool\":\"shell\",\"parameters\":{\"cmd\":\"ls\"}}",
        Map.of());
    event(
        2,
        "agent:planner",
        "agent.tool_call",
        Severity.WARNING,
        "{\"tool\":\"shell\",\"parameters\":{\"cmd\":\"rm -rf /srv/backups\"}}",
        Map.of("host", "web-1"));
    mark("14:02:00");
    event(
        4,
        "agent:planner",
        "secret.access",
        Severity.NOTICE,
        "{\"secret\":\"db-password\"}",
        Map.of());
    event(5, "user:alice", "ssh.session", Severity.INFO, "{\"user\":\"alice\"}", Map.of());
    event(
        6,
        "agent:planner",
        "agent.tool_call",
        Severity.CRITICAL,
        "{\"tool\":\"shell\",\"parameters\":{\"cmd\":\"curl evil.example\"}}",
        Map.of());
    mark("14:05:00");
    event(
        8,
        "service:watchdog",
        "watchdog.recovery",
        Severity.ERROR,
        "{\"process\":\"planner\"}",
        Map.of());
    mark("14:10:00");
    event(10, "agent:planner", "health.check", Severity.DEBUG, "{\"status\":\"ok\"}", Map.of());
    List<Hash> leaves = entries.stream().map(TreeHasher::leafHash).toList();
    tree = MemoryHashStore.of(leaves);
    Checkpoint cp =
        new Checkpoint(
            ORIGIN,
            leaves.size(),
            tree.root(),
            List.of(ChainHeadExtension.line(HashChain.extend(HashChain.initial(), leaves))));
    Ed25519NoteSigner key = new Ed25519NoteSigner(ORIGIN, Seeds.keySeed(ORIGIN));
    note = Checkpoints.sign(cp, key).serialize();
    vkey = key.verifierKey();
    stranger = new Ed25519NoteSigner(ORIGIN, Seeds.keySeed("ledger bundle stranger")).verifierKey();
  }

  static long at(String hms) {
    return EventTime.parse("time", "2026-11-29T" + hms + ".000000000Z");
  }

  private void mark(String hms) {
    entries.add(EventCodec.clockEntry(at(hms)));
  }

  private void event(
      int index,
      String actor,
      String action,
      Severity s,
      String payload,
      Map<String, String> meta) {
    byte[] salt = new byte[Hash.SIZE];
    Seeds.random("ledger bundle salt " + index).nextBytes(salt);
    Event e =
        Event.builder()
            .timeNanos(at("13:59:00") + index * 1_000_000_000L)
            .actor(actor)
            .action(action)
            .severity(s)
            .payload(payload)
            .meta(meta)
            .salt(Hash.of(salt))
            .build();
    if (entries.size() != index) {
      throw new IllegalStateException("event " + index + " at " + entries.size());
    }
    entries.add(EventCodec.entry(e));
    payloads.put((long) index, EventCodec.payloadRecord(e));
  }

  public static void writeAll(VectorWriter w) {
    new LedgerBundleVectors().write(w);
  }

  private static LedgerEvidence.Filter filter(
      OptionalLong from,
      OptionalLong to,
      List<String> actors,
      List<String> actions,
      Optional<String> min,
      String text) {
    return new LedgerEvidence.Filter(
        OptionalLong.empty(),
        OptionalLong.empty(),
        from,
        to,
        actors,
        actions,
        List.of(),
        min,
        new TreeMap<>(),
        text);
  }

  /** A window bundle: range [markBefore or start, end], payloads of [start, end). */
  private EvidenceBundle window(
      long from,
      OptionalLong to,
      long start,
      long end,
      OptionalLong before,
      LedgerEvidence.Filter filter,
      List<Long> matches) {
    long n = entries.size();
    long lo = before.orElse(start);
    long hi = end < n ? end + 1 : n;
    List<EvidenceBundle.Entry> es = new ArrayList<>();
    for (long i = lo; i < hi; i++) {
      byte[] record = i >= start && i < end ? payloads.getOrDefault(i, new byte[0]) : new byte[0];
      es.add(entry(i, List.of(), record));
    }
    LedgerEvidence.Window win =
        new LedgerEvidence.Window(
            from,
            to,
            start,
            end,
            before,
            Proofs.proveInclusion(lo, n, tree).hashes(),
            hi == n ? List.of() : Proofs.proveConsistency(hi, n, tree).hashes());
    return bundle(es, new LedgerEvidence(filter, Optional.of(win), matches));
  }

  private EvidenceBundle events(LedgerEvidence.Filter filter, long... indexes) {
    List<EvidenceBundle.Entry> es = new ArrayList<>();
    List<Long> matches = new ArrayList<>();
    for (long i : indexes) {
      es.add(
          entry(
              i,
              Proofs.proveInclusion(i, entries.size(), tree).hashes(),
              payloads.getOrDefault(i, new byte[0])));
      matches.add(i);
    }
    return bundle(es, new LedgerEvidence(filter, Optional.empty(), matches));
  }

  private EvidenceBundle.Entry entry(long i, List<Hash> proof, byte[] record) {
    byte[] data = entries.get((int) i);
    return new EvidenceBundle.Entry(i, data, TreeHasher.leafHash(data), proof, record);
  }

  private EvidenceBundle bundle(List<EvidenceBundle.Entry> es, LedgerEvidence l) {
    return new EvidenceBundle(ORIGIN, vkey, List.of(), note, es, Optional.of(l));
  }

  private static EvidenceBundle withEntries(
      EvidenceBundle b, UnaryOperator<List<EvidenceBundle.Entry>> f) {
    return new EvidenceBundle(
        b.origin(),
        b.logVkey(),
        b.witnessVkeys(),
        b.checkpoint(),
        f.apply(new ArrayList<>(b.entries())),
        b.ledger());
  }

  private static EvidenceBundle withLedger(EvidenceBundle b, LedgerEvidence l) {
    return new EvidenceBundle(
        b.origin(), b.logVkey(), b.witnessVkeys(), b.checkpoint(), b.entries(), Optional.of(l));
  }

  /** The entry at {@code index} of bundle {@code b}'s list. */
  private static int at(EvidenceBundle b, long index) {
    for (int k = 0; k < b.entries().size(); k++) {
      if (b.entries().get(k).index() == index) {
        return k;
      }
    }
    throw new IllegalArgumentException("no entry " + index);
  }

  private static EvidenceBundle.Entry copy(
      EvidenceBundle.Entry e, byte[] data, Hash leaf, List<Hash> proof, byte[] record) {
    return new EvidenceBundle.Entry(e.index(), data, leaf, proof, record);
  }

  private void write(VectorWriter w) {
    ArrayNode cases = w.array();
    OptionalLong to6 = OptionalLong.of(at("14:06:00"));
    LedgerEvidence.Filter planner =
        filter(
            OptionalLong.of(at("14:01:00")),
            to6,
            List.of("agent:planner"),
            List.of(),
            Optional.empty(),
            "");
    EvidenceBundle good =
        window(at("14:01:00"), to6, 3, 9, OptionalLong.of(0), planner, List.of(4L, 6L));
    ok(cases, "window", good, vkey);
    ok(
        cases,
        "window-full-text",
        window(
            at("14:00:00"),
            OptionalLong.of(at("14:02:00")),
            0,
            3,
            OptionalLong.empty(),
            filter(
                OptionalLong.of(at("14:00:00")),
                OptionalLong.of(at("14:02:00")),
                List.of(),
                List.of(),
                Optional.empty(),
                "backups"),
            List.of(2L)),
        vkey);
    ok(
        cases,
        "window-unbounded-unpinned",
        window(
            at("14:06:00"),
            OptionalLong.empty(),
            9,
            11,
            OptionalLong.of(7),
            filter(
                OptionalLong.of(at("14:06:00")),
                OptionalLong.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                ""),
            List.of(10L)),
        null);
    LedgerEvidence.Filter tools =
        filter(
            OptionalLong.empty(),
            OptionalLong.empty(),
            List.of(),
            List.of("agent.tool_call"),
            Optional.of("warning"),
            "");
    ok(cases, "events", events(tools, 2, 6), vkey);

    int k4 = at(good, 4);
    bad(
        cases,
        "entry-byte-flipped",
        withEntries(
            good,
            es -> {
              EvidenceBundle.Entry e = es.get(k4);
              byte[] d = e.data();
              d[10] ^= 0x01;
              es.set(k4, copy(e, d, e.leafHash(), e.proof(), e.payloadRecord()));
              return es;
            }),
        vkey,
        "LEAF_HASH");
    bad(
        cases,
        "entry-byte-flipped-leaf-rehashed",
        withEntries(
            good,
            es -> {
              EvidenceBundle.Entry e = es.get(k4);
              byte[] d = e.data();
              d[10] ^= 0x01;
              es.set(k4, copy(e, d, TreeHasher.leafHash(d), e.proof(), e.payloadRecord()));
              return es;
            }),
        vkey,
        "RANGE");
    bad(
        cases,
        "event-dropped",
        withEntries(
            good,
            es -> {
              es.remove(at(good, 5));
              return es;
            }),
        vkey,
        "RANGE");
    bad(
        cases,
        "events-reordered",
        withEntries(
            good,
            es -> {
              EvidenceBundle.Entry a = es.get(k4);
              EvidenceBundle.Entry b = es.get(k4 + 1);
              es.set(k4, copy(a, b.data(), b.leafHash(), b.proof(), b.payloadRecord()));
              es.set(k4 + 1, copy(b, a.data(), a.leafHash(), a.proof(), a.payloadRecord()));
              return es;
            }),
        vkey,
        "RANGE");
    bad(
        cases,
        "entry-with-own-proof",
        withEntries(
            good,
            es -> {
              EvidenceBundle.Entry e = es.get(k4);
              es.set(
                  k4,
                  copy(
                      e,
                      e.data(),
                      e.leafHash(),
                      Proofs.proveInclusion(4, entries.size(), tree).hashes(),
                      e.payloadRecord()));
              return es;
            }),
        vkey,
        "RANGE");
    LedgerEvidence gl = good.ledger().orElseThrow();
    LedgerEvidence.Window gw = gl.window().orElseThrow();
    bad(
        cases,
        "range-proof-hash-flipped",
        withLedger(
            good,
            new LedgerEvidence(
                gl.filter(),
                Optional.of(
                    new LedgerEvidence.Window(
                        gw.receivedFrom(),
                        gw.receivedTo(),
                        gw.start(),
                        gw.end(),
                        gw.markBefore(),
                        HashJson.flip(gw.rangeInclusion(), 0),
                        gw.rangeConsistency())),
                gl.matches())),
        vkey,
        "RANGE");
    bad(
        cases,
        "payload-changed",
        withEntries(
            good,
            es -> {
              EvidenceBundle.Entry e = es.get(k4);
              byte[] r =
                  new String(e.payloadRecord(), StandardCharsets.UTF_8)
                      .replace("db-password", "db-passw0rd")
                      .getBytes(StandardCharsets.UTF_8);
              es.set(k4, copy(e, e.data(), e.leafHash(), e.proof(), r));
              return es;
            }),
        vkey,
        "PAYLOAD");
    bad(
        cases,
        "payload-for-clock-mark",
        withEntries(
            good,
            es -> {
              int k3 = at(good, 3);
              EvidenceBundle.Entry e = es.get(k3);
              es.set(k3, copy(e, e.data(), e.leafHash(), e.proof(), payloads.get(4L)));
              return es;
            }),
        vkey,
        "PAYLOAD");
    bad(
        cases,
        "window-start-not-the-first-mark",
        window(at("14:01:00"), to6, 4, 9, OptionalLong.of(0), planner, List.of(4L, 6L)),
        vkey,
        "WINDOW");
    bad(
        cases,
        "window-end-too-early",
        window(at("14:01:00"), to6, 3, 7, OptionalLong.of(0), planner, List.of(4L, 6L)),
        vkey,
        "WINDOW");
    bad(
        cases,
        "filter-not-the-window",
        withLedger(
            good,
            new LedgerEvidence(
                filter(
                    OptionalLong.of(at("14:01:00")),
                    OptionalLong.of(at("14:07:00")),
                    List.of("agent:planner"),
                    List.of(),
                    Optional.empty(),
                    ""),
                gl.window(),
                gl.matches())),
        vkey,
        "WINDOW");
    bad(
        cases,
        "match-hidden",
        withLedger(good, new LedgerEvidence(gl.filter(), gl.window(), List.of(4L))),
        vkey,
        "MATCHES");
    bad(
        cases,
        "match-added",
        withLedger(good, new LedgerEvidence(gl.filter(), gl.window(), List.of(4L, 5L, 6L))),
        vkey,
        "MATCHES");
    bad(cases, "events-not-matching", events(tools, 2, 4), vkey, "MATCHES");
    bad(cases, "events-include-clock-mark", events(tools, 2, 3, 6), vkey, "LEDGER_ENTRY");
    bad(cases, "trusted-key-differs", good, stranger, "LOG_KEY");

    String text = new String(BundleCodec.encode(good), StandardCharsets.UTF_8);
    raw(
        cases,
        "v1-format-with-ledger",
        text.replace(BundleCodec.FORMAT_V2, BundleCodec.FORMAT),
        vkey);
    ObjectNode t = BundleCodec.tree(good);
    t.remove("ledger");
    raw(cases, "v2-without-ledger", utf8(BundleCodec.canonical(t)), vkey);
    t = BundleCodec.tree(good);
    ObjectNode f = (ObjectNode) t.get("ledger").get("filter");
    f.putArray("actors").add("user:z").add("agent:planner");
    raw(cases, "filter-actors-unsorted", utf8(BundleCodec.canonical(t)), vkey);
    t = BundleCodec.tree(good);
    ((ObjectNode) t.get("ledger")).putArray("matches").add("6").add("4");
    raw(cases, "matches-not-increasing", utf8(BundleCodec.canonical(t)), vkey);

    ObjectNode root = w.object();
    root.put(
        "description",
        "Ledger evidence bundles (tlog-evidence-bundle/v2, spec/evidence-bundle.md) over a ledger"
            + " log of 11 entries; "
            + LOG
            + ". Verify each bundle offline, trusting trusted_vkey (null: the bundle's own key); a"
            + " case with error must fail with that failure label (FORMAT = malformed).");
    root.put("log_vkey", vkey);
    root.set("cases", cases);
    w.write("bundle/ledger-bundles.json", root);
  }

  private static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void ok(ArrayNode cases, String name, EvidenceBundle b, String trusted) {
    ObjectNode c = cases.addObject().put("name", name).put("bundle", BundleVectors.canonical(b));
    c.put("trusted_vkey", trusted);
    ObjectNode expect = c.putObject("expect");
    expect.put("tree_size", "11");
    ArrayNode idx = expect.putArray("indexes");
    b.entries().forEach(e -> idx.add(Long.toString(e.index())));
    ArrayNode m = expect.putArray("matches");
    b.ledger().orElseThrow().matches().forEach(i -> m.add(Long.toString(i)));
    expect.put("window", b.ledger().orElseThrow().window().isPresent());
    expect.put("cosigners", 0);
  }

  private static void bad(
      ArrayNode cases, String name, EvidenceBundle b, String trusted, String error) {
    cases
        .addObject()
        .put("name", name)
        .put("bundle", BundleVectors.canonical(b))
        .put("trusted_vkey", trusted)
        .put("error", error);
  }

  private static void raw(ArrayNode cases, String name, String bundle, String trusted) {
    cases
        .addObject()
        .put("name", name)
        .put("bundle", bundle)
        .put("trusted_vkey", trusted)
        .put("error", "FORMAT");
  }
}
