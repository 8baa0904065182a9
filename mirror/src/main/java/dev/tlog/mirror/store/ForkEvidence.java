package dev.tlog.mirror.store;

import java.util.Objects;

/**
 * Proof that the followed log forked: two checkpoint notes, both validly signed by the log's key,
 * that cannot describe one append-only log (spec/mirror.md, "Forks"), and why.
 *
 * @param mirrored the note the mirror served, as it was stored
 * @param upstream the conflicting note the upstream served
 * @param reason one line: which check the two notes failed
 */
public record ForkEvidence(String mirrored, String upstream, String reason) {
  public ForkEvidence {
    Objects.requireNonNull(mirrored, "mirrored");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(reason, "reason");
    if (reason.contains("\n")) {
      throw new IllegalArgumentException("reason must be one line");
    }
  }

  /** The text served at {@code /fork-evidence}: the reason, then both notes, each headed. */
  public String render() {
    return "tlog-mirror fork evidence\n"
        + "reason: "
        + reason
        + "\n\n-- mirrored checkpoint --\n"
        + mirrored
        + "-- upstream checkpoint --\n"
        + upstream;
  }
}
