package dev.tlog.client.report;

import dev.tlog.merkle.hash.Hash;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The files of a report directory (spec/compliance.md, "Files of a report directory"). */
public final class ReportFiles {
  public static final String BUNDLE = "bundle.json";
  public static final String JSON = "report.json";
  public static final String MARKDOWN = "report.md";
  public static final String HTML = "report.html";
  public static final String RECEIPT = "receipt.json";

  private ReportFiles() {}

  /** Hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return Hash.of(MessageDigest.getInstance("SHA-256").digest(bytes)).toHex();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
