package dev.tlog.bench.ledger;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.Severity;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.server.checkpoint.CheckpointSigner;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.dedup.LeafIndex;
import dev.tlog.server.integrate.Integrator;
import dev.tlog.server.integrate.ReceiveClock;
import dev.tlog.server.integrate.Submitted;
import dev.tlog.server.storage.LogMode;
import dev.tlog.server.storage.lmdb.LmdbLogStorage;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A ledger log of synthetic events written in process (the real integrator and LMDB storage, no
 * server): {@value #ACTORS} actors, {@value #ACTIONS} actions, six severities, {@value #WORDS}
 * payload words, event times spread evenly over one day from {@link #T0}, and a batch of {@value
 * #BATCH} events every {@value #CLOCK_STEP_MS} ms of receive clock, each batch starting with a
 * clock mark. Deterministic for a seed.
 */
final class SyntheticLedger {
  static final String ORIGIN = "bench/ledger";
  static final int ACTORS = 200;
  static final int ACTIONS = 20;
  static final int WORDS = 2000;
  static final int BATCH = 1000;
  static final long CLOCK_STEP_MS = 10;
  static final long T0 = 1_800_000_000_000_000_000L;
  static final long DAY = 86_400_000_000_000L;

  private SyntheticLedger() {}

  static String actor(int k) {
    return "agent:worker-" + k;
  }

  static String action(int k) {
    return "acme.step" + k;
  }

  /** Word {@code k}: letters only, so that it is one token. */
  static String word(int k) {
    StringBuilder s = new StringBuilder("w");
    for (int v = k; ; v /= 26) {
      s.append((char) ('a' + v % 26));
      if (v < 26) {
        return s.toString();
      }
    }
  }

  /** Appends {@code size} events to the empty log {@code storage}; returns its checkpoint. */
  static SignedCheckpoint write(LmdbLogStorage storage, long size, long seed) {
    Ed25519NoteSigner key = new Ed25519NoteSigner(ORIGIN, new byte[32]);
    CheckpointSigner signer = new CheckpointSigner(ORIGIN, key);
    SignedCheckpoint cp = signer.sign(0, TreeHasher.emptyRoot(), Hash.ZERO);
    long[] clock = {T0 + DAY};
    Integrator integrator =
        new Integrator(
            storage,
            signer,
            new LeafIndex(),
            false,
            () -> Long.MAX_VALUE,
            new ReceiveClock(() -> clock[0]),
            cp);
    for (long done = 0; done < size; ) {
      int n = (int) Math.min(BATCH, size - done);
      long first = done;
      // Encoding (canonical JSON) is most of the work: spread it over the cores, in index order.
      List<Submitted> batch =
          IntStream.range(0, n)
              .parallel()
              .mapToObj(
                  i -> {
                    Event e =
                        event(new SplittableRandom(seed * 1_000_003L + first + i), first + i, size);
                    return new Submitted(EventCodec.entry(e), EventCodec.payloadRecord(e));
                  })
              .toList();
      clock[0] += CLOCK_STEP_MS * 1_000_000L;
      integrator.add(batch);
      var sealed = integrator.seal();
      sealed.write().ifPresent(storage::append);
      cp = sealed.checkpoint();
      done += n;
    }
    return cp;
  }

  static LmdbLogStorage open(Path dir) {
    return LmdbLogStorage.open(dir, ORIGIN, LogMode.LEDGER, 1L << 30);
  }

  private static Event event(SplittableRandom r, long i, long size) {
    StringBuilder result = new StringBuilder();
    for (int w = 0; w < 5; w++) {
      result.append(w == 0 ? "" : " ").append(word(r.nextInt(WORDS)));
    }
    byte[] salt = new byte[Hash.SIZE];
    r.nextBytes(salt);
    return Event.builder()
        .timeNanos(T0 + i * (DAY / Math.max(1, size)))
        .actor(actor(r.nextInt(ACTORS)))
        .action(action(r.nextInt(ACTIONS)))
        .severity(Severity.values()[r.nextInt(Severity.values().length)])
        .payload(
            "{\"tool\":\""
                + word(r.nextInt(50))
                + "\",\"result\":\""
                + result
                + "\",\"duration_ms\":"
                + r.nextInt(10_000)
                + "}")
        .meta("host", "host-" + r.nextInt(50))
        .salt(Hash.of(salt))
        .build();
  }
}
