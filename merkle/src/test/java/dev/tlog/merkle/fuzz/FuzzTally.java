package dev.tlog.merkle.fuzz;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Counts the outcomes of one fuzz property and prints them as one {@code FUZZ} line. An input is
 * either rejected with the target's documented exception, accepted (parsed to a value), or
 * unexpected: any other throwable, which fails the property at once with the input's class name.
 */
public final class FuzzTally {
  private final String target;
  private final Class<? extends RuntimeException> expected;
  private final AtomicLong cases = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong unexpected = new AtomicLong();

  public FuzzTally(String target, Class<? extends RuntimeException> expected) {
    this.target = target;
    this.expected = expected;
  }

  /** Runs {@code parse}; returns its value, or null when it threw the expected exception. */
  public <T> T run(Supplier<T> parse) {
    cases.incrementAndGet();
    try {
      T value = parse.get();
      accepted.incrementAndGet();
      return value;
    } catch (RuntimeException e) {
      if (expected.isInstance(e)) {
        rejected.incrementAndGet();
        return null;
      }
      unexpected.incrementAndGet();
      throw new AssertionError(target + ": unexpected " + e, e);
    } catch (Error e) {
      unexpected.incrementAndGet();
      throw e;
    }
  }

  /** Counts an input the caller judged itself: rejected as documented, or accepted. */
  public void count(boolean wasRejected) {
    cases.incrementAndGet();
    (wasRejected ? rejected : accepted).incrementAndGet();
  }

  /** Counts an input that got an undocumented answer, then fails with {@code why}. */
  public AssertionError unexpected(String why) {
    cases.incrementAndGet();
    unexpected.incrementAndGet();
    return new AssertionError(target + ": " + why);
  }

  /**
   * Prints {@code FUZZ <target>: <n> cases, <k> rejected as expected, <m> accepted, <u>
   * unexpected}.
   */
  public void print() {
    System.out.printf(
        "FUZZ %s: %d cases, %d rejected as expected, %d accepted, %d unexpected%n",
        target, cases.get(), rejected.get(), accepted.get(), unexpected.get());
  }
}
