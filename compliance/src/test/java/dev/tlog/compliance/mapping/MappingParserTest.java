package dev.tlog.compliance.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MappingParserTest {
  private final MappingParser parser = new MappingParser();

  @Test
  void everyDefaultMappingParsesAndNamesItsFrameworkAndSources() {
    for (String f : DefaultMappings.FRAMEWORKS) {
      ControlMapping m = DefaultMappings.of(f);
      assertEquals(f, m.framework());
      assertFalse(m.sources().isEmpty(), f);
      assertTrue(m.controls().size() >= 5, f);
      String text = new String(DefaultMappings.text(f), StandardCharsets.UTF_8);
      assertTrue(text.contains("How to edit"), f);
    }
    assertEquals(
        java.util.List.of("CC6.1", "CC6.2", "CC6.3", "CC7.1", "CC7.2", "CC7.3", "CC7.4", "CC8.1"),
        DefaultMappings.of("soc2").controls().stream().map(ControlMapping.Control::id).toList());
  }

  @Test
  void theJsonFormEmbeddedInAReportReadsBackEqual() {
    ObjectMapper json = new ObjectMapper();
    for (String f : DefaultMappings.FRAMEWORKS) {
      ControlMapping m = DefaultMappings.of(f);
      assertEquals(m, parser.read(m.toJson(json)));
    }
  }

  @Test
  void unknownKeysAreRefusedNamingTheKey() {
    String yaml =
        "framework: soc2\ntitle: t\nsources: [s]\ncontrols:\n  - id: A\n    title: a\n"
            + "    evidence:\n      actions: [config.change]\n      colectors: [\"*\"]\n";
    MappingException e =
        assertThrows(
            MappingException.class, () -> parser.parse(yaml.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("controls[0].evidence.colectors"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown key"), e.getMessage());
  }

  @Test
  void badValuesAreRefusedNamingTheKey() {
    assertMessage("framework: soc2\ntitle: t\nsources: [s]\ncontrols: []\n", "controls");
    assertMessage(
        "framework: soc2\ntitle: t\nsources: [s]\ncontrols:\n  - id: A\n    title: a\n"
            + "    evidence: {actions: [NotAnAction]}\n",
        "controls[0].evidence.actions[0]");
    assertMessage(
        "framework: soc2\ntitle: t\nsources: [s]\ncontrols:\n  - {id: A, title: a, evidence: {}}\n",
        "controls[0].evidence");
    assertMessage(
        "framework: soc2\ntitle: t\nsources: [s]\ncontrols:\n"
            + "  - {id: A, title: a, evidence: {actions: [a.b]}}\n"
            + "  - {id: A, title: b, evidence: {actions: [a.b]}}\n",
        "duplicate control id");
    assertMessage("- just\n- a list\n", "want a mapping");
  }

  private void assertMessage(String yaml, String part) {
    MappingException e =
        assertThrows(
            MappingException.class, () -> parser.parse(yaml.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }

  /** Garbage never parses into a half-valid mapping nor escapes as another exception. */
  @Property(tries = 300)
  void garbageIsRejectedWithAClearError(@ForAll("garbage") String text) {
    MappingException e =
        assertThrows(
            MappingException.class, () -> parser.parse(text.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().startsWith("mapping"), e.getMessage());
  }

  /** The default file with one line changed is either still a valid mapping or a clear error. */
  @Property(tries = 300)
  void mutatedDefaultsParseOrFailClearly(
      @ForAll("lineIndex") int line, @ForAll("garbage") String replacement) {
    String[] lines = new String(DefaultMappings.text("soc2"), StandardCharsets.UTF_8).split("\n");
    lines[line % lines.length] = replacement;
    try {
      ControlMapping m = parser.parse(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
      assertFalse(m.controls().isEmpty());
    } catch (MappingException e) {
      assertTrue(e.getMessage().startsWith("mapping"), e.getMessage());
    }
  }

  @Provide
  Arbitrary<Integer> lineIndex() {
    return Arbitraries.integers().between(0, 1000);
  }

  @Provide
  Arbitrary<String> garbage() {
    Arbitrary<String> any = Arbitraries.strings().ofMaxLength(80);
    Arbitrary<String> yamlish =
        Arbitraries.strings().withChars("{}[]:-,'\"&*!|>%@` \n\tabc#0?").ofMaxLength(60);
    Arbitrary<String> wrongTypes =
        Arbitraries.of(
            "framework: 7",
            "framework: soc2\ntitle: [x]",
            "framework: soc2\ntitle: t\nsources: s\ncontrols: x",
            "controls: {a: b}",
            "framework: soc2\nextra: 1",
            "&a [*a]",
            "framework: soc2\ntitle: t\nsources: [s]\ncontrols:\n  - 17");
    return Arbitraries.oneOf(any, yamlish, wrongTypes);
  }
}
