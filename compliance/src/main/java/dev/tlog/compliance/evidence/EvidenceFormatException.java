package dev.tlog.compliance.evidence;

/** An evidence payload that breaks spec/compliance.md; the message names the field. */
public final class EvidenceFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EvidenceFormatException(String field, String message) {
    super("payload." + field + ": " + message);
  }
}
