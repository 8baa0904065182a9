package dev.tlog.compliance.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The mappings shipped with tlog, one per framework, as resources next to this class. */
public final class DefaultMappings {
  /** The frameworks with a default mapping. */
  public static final List<String> FRAMEWORKS =
      List.of("soc2", "hipaa", "21cfr11", "iso27001", "pci-dss");

  private DefaultMappings() {}

  /** The default mapping file of {@code framework}, as shipped (with its comments). */
  public static byte[] text(String framework) {
    if (!FRAMEWORKS.contains(framework)) {
      throw new MappingException(
          "framework", "no default mapping for \"" + framework + "\"; one of " + FRAMEWORKS);
    }
    try (InputStream in = DefaultMappings.class.getResourceAsStream(framework + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException("resource " + framework + ".yaml missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The default mapping of {@code framework}, parsed. */
  public static ControlMapping of(String framework) {
    return new MappingParser().parse(text(framework));
  }
}
