package dev.tlog.merkle.fuzz;

import dev.tlog.merkle.bundle.BundleCodec;
import dev.tlog.merkle.bundle.BundleFormatException;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Evidence bundles v1 and v2 (spec/evidence-bundle.md) under garbage and damaged input, seeded with
 * every bundle of the spec's vectors: the decoder throws only {@link BundleFormatException}.
 */
@AddLifecycleHook(FuzzTries.class)
class EvidenceBundleFuzzTest {
  private FuzzTally tally;

  @Property(tries = 1000)
  void decodeThrowsOnlyBundleFormatException(@ForAll("bundles") byte[] input) {
    tally = tally != null ? tally : new FuzzTally("bundle/decode", BundleFormatException.class);
    tally.run(() -> BundleCodec.decode(input));
  }

  @AfterProperty
  void report() {
    if (tally != null) {
      tally.print();
    }
  }

  @Provide
  Arbitrary<byte[]> bundles() {
    List<String> seeds =
        Corpus.strings(s -> s.startsWith("{"), "bundle/bundles.json", "bundle/ledger-bundles.json");
    return Mutants.of(Corpus.bytes(seeds));
  }
}
