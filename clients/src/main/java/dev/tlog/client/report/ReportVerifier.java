package dev.tlog.client.report;

import dev.tlog.compliance.evidence.ReportRecord;
import dev.tlog.compliance.report.ReportException;
import dev.tlog.compliance.report.ReportJson;
import dev.tlog.merkle.bundle.BundleCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Verifies a report directory offline (spec/compliance.md, "Reports"): the bundle as {@code
 * verify-bundle} does, report.json recomputed from it and the parameters report.json states (byte
 * for byte), report.md and report.html re-rendered and compared, and receipt.json when present. Any
 * mismatch is a {@link ReportVerificationException} naming the file.
 */
public final class ReportVerifier {
  private ReportVerifier() {}

  /** A verified report directory. */
  public record Verified(RenderedReport report, Optional<ReportReceipt.Checked> receipt) {}

  /** Verifies {@code dir}; {@code trustedVkey} null: the bundle's own key. */
  public static Verified verify(Path dir, String trustedVkey) {
    byte[] json = read(dir, ReportFiles.JSON);
    byte[] bundle = read(dir, ReportFiles.BUNDLE);
    byte[] md = read(dir, ReportFiles.MARKDOWN);
    byte[] html = read(dir, ReportFiles.HTML);
    ReportJson.Parameters p;
    try {
      p = ReportJson.parameters(json);
    } catch (ReportException e) {
      throw new ReportVerificationException(e.getMessage(), e);
    }
    RenderedReport r =
        RenderedReport.of(bundle, trustedVkey, p.framework(), p.from(), p.to(), p.mapping());
    same(ReportFiles.JSON, json, r.json());
    same(ReportFiles.MARKDOWN, md, r.markdown());
    same(ReportFiles.HTML, html, r.html());
    Optional<ReportReceipt.Checked> receipt = Optional.empty();
    if (Files.exists(dir.resolve(ReportFiles.RECEIPT))) {
      String vkey = trustedVkey != null ? trustedVkey : BundleCodec.decode(bundle).logVkey();
      receipt =
          Optional.of(
              ReportReceipt.check(
                  read(dir, ReportFiles.RECEIPT), vkey, record(p, json, md, html, bundle)));
    }
    return new Verified(r, receipt);
  }

  /** The {@code evidence.report} payload for these files. */
  public static ReportRecord record(
      ReportJson.Parameters p, byte[] json, byte[] md, byte[] html, byte[] bundle) {
    return new ReportRecord(
        p.framework(),
        instant(p.from()),
        instant(p.to()),
        ReportFiles.sha256(json),
        ReportFiles.sha256(md),
        ReportFiles.sha256(html),
        ReportFiles.sha256(bundle));
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  private static void same(String file, byte[] onDisk, byte[] computed) {
    if (!Arrays.equals(onDisk, computed)) {
      int at = Arrays.mismatch(onDisk, computed);
      throw new ReportVerificationException(
          file
              + " is not what the bundle and report.json's parameters give: first difference at"
              + " byte "
              + at
              + " ("
              + onDisk.length
              + " bytes on disk, "
              + computed.length
              + " computed; SHA-256 "
              + ReportFiles.sha256(onDisk)
              + ", want "
              + ReportFiles.sha256(computed)
              + ")");
    }
  }

  private static byte[] read(Path dir, String name) {
    Path f = dir.resolve(name);
    try {
      long max = name.equals(ReportFiles.BUNDLE) ? BundleCodec.MAX_BYTES : ReportJson.MAX_BYTES;
      if (Files.size(f) > max) {
        throw new ReportVerificationException(
            f
                + " is "
                + Files.size(f)
                + " bytes, more than a report's "
                + name
                + " can be ("
                + max
                + ")");
      }
      return Files.readAllBytes(f);
    } catch (NoSuchFileException e) {
      throw new ReportVerificationException("missing " + f);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }
}
