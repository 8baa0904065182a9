package dev.tlog.runtime.logging;

import java.util.Locale;

/** How the servers write log lines ({@code --log-format}). */
public enum LogFormat {
  /** {@link #TEXT} when the process has a terminal, else {@link #JSON}. */
  AUTO,
  /** One JSON object per line, for log collectors. */
  JSON,
  /** One human-readable line per event. */
  TEXT;

  /** Parses {@code auto}, {@code json} or {@code text} (any case). */
  public static LogFormat parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("log format must be auto, json or text, got " + s, e);
    }
  }

  /** {@link #AUTO} made concrete: text if {@code terminal}, else JSON. */
  public LogFormat resolve(boolean terminal) {
    if (this != AUTO) {
      return this;
    }
    return terminal ? TEXT : JSON;
  }
}
