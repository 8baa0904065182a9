package dev.tlog.merkle.fuzz;

import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.EventFormatException;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * The ledger encodings (spec/ledger.md) — submissions, committed entries, payload records — under
 * garbage and damaged input, seeded with every JSON document of the spec's vectors: each parser
 * throws only {@link EventFormatException}.
 */
@AddLifecycleHook(FuzzTries.class)
class EventEncodingFuzzTest {
  private FuzzTally tally;

  @Property(tries = 1000)
  void eventsAndEntriesThrowOnlyEventFormatException(@ForAll("documents") byte[] input) {
    tally = tally != null ? tally : new FuzzTally("ledger/event+entry", EventFormatException.class);
    tally.run(() -> EventCodec.parseSubmission(input));
    tally.run(() -> EventCodec.parseEntry(input));
    tally.run(() -> EventCodec.parseStoredEntry(input));
  }

  @Property(tries = 1000)
  void payloadRecordsThrowOnlyEventFormatException(@ForAll("documents") byte[] input) {
    tally =
        tally != null ? tally : new FuzzTally("ledger/payload record", EventFormatException.class);
    tally.run(() -> EventCodec.parsePayloadRecord(input));
    tally.run(() -> EventCodec.parseStoredPayloadRecord(input));
  }

  @AfterProperty
  void report() {
    if (tally != null) {
      tally.print();
    }
  }

  @Provide
  Arbitrary<byte[]> documents() {
    List<String> seeds = Corpus.strings(s -> s.startsWith("{"), "ledger/ledger.json");
    return Mutants.of(Corpus.bytes(seeds));
  }
}
