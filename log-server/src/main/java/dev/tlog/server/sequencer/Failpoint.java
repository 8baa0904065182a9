package dev.tlog.server.sequencer;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deliberate crash at one named point of the write path, for crash tests only (the hidden flag
 * {@code --failpoint <stage>:<n>}): the {@code n}th time the writer reaches {@code stage} it prints
 * one line to stderr and halts the JVM with status 137, running no shutdown hook and writing
 * nothing more, which is what a SIGKILL at that instant leaves behind. A random SIGKILL lands at
 * these points only by chance; a failpoint lands there every time (README, "Long crash mode").
 *
 * <p>{@link #NONE}, the default, never fires. Thread-safe.
 */
public final class Failpoint {
  /** Where in the write path to crash. */
  public enum Stage {
    /** A sealed batch with its signed checkpoint reached the writer; nothing of it is durable. */
    SIGNED,
    /** The batch's transaction is committed and fsynced; no append of it is acknowledged yet. */
    COMMITTED,
    /** The first request of the batch was acknowledged, the others not yet. */
    ACKNOWLEDGING;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Never fires. */
  public static final Failpoint NONE = new Failpoint(null, 0);

  private final Stage stage;
  private final long at;
  private final AtomicLong hits = new AtomicLong();

  private Failpoint(Stage stage, long at) {
    this.stage = stage;
    this.at = at;
  }

  /**
   * Parses {@code <stage>:<n>}, stage one of {@code signed}, {@code committed}, {@code
   * acknowledging}, {@code n} in [1, 2^63).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Failpoint parse(String spec) {
    int colon = spec.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("failpoint must be <stage>:<n>, got \"" + spec + "\"");
    }
    String name = spec.substring(0, colon);
    Stage stage = null;
    for (Stage s : Stage.values()) {
      if (s.label().equals(name)) {
        stage = s;
      }
    }
    if (stage == null) {
      throw new IllegalArgumentException(
          "failpoint stage must be signed, committed or acknowledging, got \"" + name + "\"");
    }
    long n;
    try {
      n = Long.parseLong(spec.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("failpoint count must be a number, got \"" + spec + "\"");
    }
    if (n < 1) {
      throw new IllegalArgumentException("failpoint count must be at least 1, got " + n);
    }
    return new Failpoint(stage, n);
  }

  /** Called by the writer each time it reaches {@code s}. */
  void reached(Stage s) {
    if (s == stage && hits.incrementAndGet() == at) {
      System.err.println("tlog-server: failpoint " + s.label() + ":" + at + " reached; halting");
      System.err.flush();
      Runtime.getRuntime().halt(137);
    }
  }

  @Override
  public String toString() {
    return stage == null ? "none" : stage.label() + ":" + at;
  }
}
