package dev.tlog.runtime.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * {@code --log-format}: auto is text on a terminal and JSON otherwise; anything else is refused.
 */
class LogFormatTest {
  @Test
  void autoDependsOnTheTerminalAndTheOthersDoNot() {
    assertEquals(LogFormat.TEXT, LogFormat.parse("auto").resolve(true));
    assertEquals(LogFormat.JSON, LogFormat.parse("AUTO").resolve(false));
    assertEquals(LogFormat.JSON, LogFormat.parse("json").resolve(true));
    assertEquals(LogFormat.TEXT, LogFormat.parse(" text ").resolve(false));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LogFormat.parse("yaml"));
    assertEquals("log format must be auto, json or text, got yaml", e.getMessage());
  }
}
