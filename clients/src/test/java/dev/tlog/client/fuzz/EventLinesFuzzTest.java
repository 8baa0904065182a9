package dev.tlog.client.fuzz;

import dev.tlog.client.ledger.EventLines;
import dev.tlog.merkle.fuzz.FuzzTally;
import dev.tlog.merkle.fuzz.FuzzTries;
import dev.tlog.merkle.fuzz.Mutants;
import dev.tlog.merkle.ledger.EventFormatException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * The JSON-lines input of {@code tlog ingest} under garbage and damaged lines: the parser throws
 * only {@link EventFormatException}.
 */
@AddLifecycleHook(FuzzTries.class)
class EventLinesFuzzTest {
  private static final Instant NOW = Instant.parse("2026-11-29T14:00:00Z");
  private FuzzTally tally;

  @Property(tries = 1000)
  void parseThrowsOnlyEventFormatException(@ForAll("lines") byte[] input) {
    tally =
        tally != null ? tally : new FuzzTally("clients/ingest line", EventFormatException.class);
    tally.run(() -> EventLines.parse(new String(input, StandardCharsets.UTF_8), () -> NOW));
  }

  @AfterProperty
  void report() {
    if (tally != null) {
      tally.print();
    }
  }

  @Provide
  Arbitrary<byte[]> lines() {
    return Mutants.of(
        Arbitraries.of(
                "{\"time\":\"2026-11-29T14:00:00.123456789+01:00\",\"actor\":\"agent:planner\","
                    + "\"action\":\"agent.tool_call\",\"severity\":\"warning\","
                    + "\"payload\":{\"tool\":\"sh\",\"cmd\":\"rm -rf /\"},\"meta\":{\"host\":\"web-1\"},"
                    + "\"links\":{\"session\":\"s-1\"}}",
                "{\"actor\":\"user:alice\",\"action\":\"ssh.session\",\"payload\":{\"user\":\"alice\"}}",
                "{\"actor\":\"service:watchdog\",\"action\":\"resource.snapshot\"}")
            .map(s -> s.getBytes(StandardCharsets.UTF_8)));
  }
}
