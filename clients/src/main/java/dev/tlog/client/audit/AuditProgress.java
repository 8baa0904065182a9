package dev.tlog.client.audit;

/** Receives audit progress; called on the auditing thread after each page of entries. */
@FunctionalInterface
public interface AuditProgress {
  /** {@code done} of {@code total} entries hashed ({@code startedAt} where this run began). */
  void update(long startedAt, long done, long total);

  AuditProgress NONE = (s, d, t) -> {};
}
