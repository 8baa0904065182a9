package dev.tlog.server.hosting;

import dev.tlog.server.ServerConfig;
import java.util.regex.Pattern;

/**
 * One log of a logs file: its name (used in messages, the banner and the default data directory)
 * and its complete configuration.
 */
public record HostedLog(String name, ServerConfig config) {
  /** What a log's name may be: it is also a directory name. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

  public HostedLog {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("log name \"" + name + "\" must match " + NAME.pattern());
    }
  }
}
