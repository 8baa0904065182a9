package dev.tlog.compliance.report;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a report was verified against (spec/compliance.md, "Verification section"): all of it taken
 * from the evidence bundle, so that it can be recomputed.
 *
 * @param checkpoint the signed checkpoint note as the bundle holds it (with cosignatures)
 * @param bundleSha256 hex SHA-256 of {@code bundle.json}'s bytes
 */
public record Verification(
    String origin,
    String vkey,
    long treeSize,
    String checkpoint,
    OptionalLong markBefore,
    long start,
    long end,
    String bundleSha256) {
  public Verification {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(vkey, "vkey");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(markBefore, "markBefore");
    Objects.requireNonNull(bundleSha256, "bundleSha256");
  }
}
