package dev.tlog.compliance.mapping;

/** A control-mapping file that breaks spec/compliance.md, "Control mapping"; names the key. */
public final class MappingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MappingException(String key, String message) {
    super("mapping" + (key.isEmpty() ? "" : " " + key) + ": " + message);
  }
}
