package dev.tlog.server.evidence.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.evidence.config.CollectorSpec;
import dev.tlog.server.evidence.config.Source;
import dev.tlog.server.witnessing.Witnessing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The built-in collectors: the log's own state as JSON (the output). {@code checkpoint}: the latest
 * published checkpoint ({@code size}, {@code root_hash}, {@code note}: its text with any witness
 * cosignatures). {@code health}: {@code size}, {@code checkpoint_age_ms} (since this server signed
 * or, after a start, first published it), {@code index_covered}. {@code witnesses}: {@code "not
 * configured"}, or per witness {@code name}, {@code cosigned_size} and {@code last_error}.
 */
public final class BuiltinCollector implements Collector, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CheckpointFeed published;
  private final InstantSource clock;
  private final LongSupplier indexCovered;
  private final Optional<Witnessing> witnessing;
  private final AtomicReference<Instant> seen;
  private final Runnable unsubscribe;

  public BuiltinCollector(
      CheckpointFeed published,
      InstantSource clock,
      LongSupplier indexCovered,
      Optional<Witnessing> witnessing) {
    this.published = published;
    this.clock = clock;
    this.indexCovered = indexCovered;
    this.witnessing = witnessing;
    this.seen = new AtomicReference<>(clock.instant());
    this.unsubscribe = published.subscribe(cp -> seen.set(clock.instant()));
  }

  @Override
  public RunResult run(CollectorSpec spec) {
    Source.Builtin b = (Source.Builtin) spec.source();
    ObjectNode n = JSON.createObjectNode();
    SignedCheckpoint cp = published.current();
    switch (b.which()) {
      case CHECKPOINT -> {
        n.put("size", cp.size());
        n.put("root_hash", cp.checkpoint().root().toHex());
        n.put("note", cp.note());
      }
      case HEALTH -> {
        n.put("size", cp.size());
        n.put("checkpoint_age_ms", Duration.between(seen.get(), clock.instant()).toMillis());
        n.put("index_covered", indexCovered.getAsLong());
      }
      case WITNESSES -> {
        if (witnessing.isEmpty()) {
          n.put("witnesses", "not configured");
        } else {
          ArrayNode a = n.putArray("witnesses");
          for (Witnessing.WitnessStatus s : witnessing.get().status()) {
            ObjectNode o = a.addObject();
            o.put("name", s.name());
            o.put("cosigned_size", s.cosignedSize());
            o.put("last_error", s.lastError() == null ? "" : s.lastError());
          }
        }
      }
    }
    try {
      return RunResult.ok(
          CapturedOutput.of(JSON.writeValueAsString(n).getBytes(StandardCharsets.UTF_8)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    unsubscribe.run();
  }
}
