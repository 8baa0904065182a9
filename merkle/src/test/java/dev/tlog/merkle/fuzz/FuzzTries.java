package dev.tlog.merkle.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets every fuzz property's tries from {@code -Dtlog.fuzz.tries=N} (README, "Long fuzz mode");
 * without it each property keeps the small {@code tries} of its {@code @Property}, so that {@code
 * mvn verify} stays quick. jqwik reads the attributes after this hook ran, so the count printed by
 * {@link FuzzTally} is the count asked for. Parser properties run N tries; properties that go
 * through a real server ({@link Endpoints}) run N/100, since each try is one or more network round
 * trips and a server restart per property.
 */
public class FuzzTries implements AroundPropertyHook {
  /** The system property naming the tries of each parser property. */
  public static final String PROPERTY = "tlog.fuzz.tries";

  private final int divisor;

  public FuzzTries() {
    this(1);
  }

  private FuzzTries(int divisor) {
    this.divisor = divisor;
  }

  /** For properties whose every try goes through a real server: N/100 tries. */
  public static final class Endpoints extends FuzzTries {
    public Endpoints() {
      super(100);
    }
  }

  // Registered on a test class, the hook must reach the class's properties.
  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) {
    String asked = System.getProperty(PROPERTY, "").trim();
    if (!asked.isEmpty()) {
      context.attributes().setTries(Math.max(1, Integer.parseInt(asked) / divisor));
    }
    return property.execute();
  }
}
