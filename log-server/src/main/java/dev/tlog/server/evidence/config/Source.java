package dev.tlog.server.evidence.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What a collector collects: exactly one of the four kinds (spec/compliance.md). */
public sealed interface Source {
  /** The kind as evidence events name it. */
  String kind();

  /**
   * What runs, as evidence events record it ({@code target}): a command's argv ({@code /bin/sh -c}
   * and the string with {@code shell: true}), the paths of {@code files}, the URL, the built-in's
   * name.
   */
  List<String> target();

  /** A program run with {@code argv} (no shell), or one string run by {@code /bin/sh -c}. */
  record Command(List<String> argv, boolean shell) implements Source {
    public Command {
      argv = List.copyOf(argv);
      if (argv.isEmpty() || (shell && argv.size() != 1)) {
        throw new IllegalArgumentException("command: want argv, or one string with shell: true");
      }
    }

    @Override
    public String kind() {
      return "command";
    }

    @Override
    public List<String> target() {
      return shell ? List.of("/bin/sh", "-c", argv.get(0)) : argv;
    }
  }

  /** Files and directories hashed (directories walked, sorted, symlinks not followed). */
  record Files(List<Path> paths, boolean includeContent) implements Source {
    public Files {
      paths = List.copyOf(paths);
      if (paths.isEmpty() || paths.size() > CollectorsFile.MAX_FILES) {
        throw new IllegalArgumentException("files: want 1 to " + CollectorsFile.MAX_FILES);
      }
    }

    @Override
    public String kind() {
      return "files";
    }

    @Override
    public List<String> target() {
      return paths.stream().map(Path::toString).toList();
    }
  }

  /** An HTTP(S) GET. */
  record Http(URI url) implements Source {
    public Http {
      String scheme = url.getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme)) {
        throw new IllegalArgumentException("http: want an http or https URL, got " + url);
      }
    }

    @Override
    public String kind() {
      return "http";
    }

    @Override
    public List<String> target() {
      return List.of(url.toString());
    }
  }

  /** The log's own state. */
  record Builtin(Which which) implements Source {
    @Override
    public String kind() {
      return "builtin";
    }

    @Override
    public List<String> target() {
      return List.of(which.text());
    }
  }

  /** The built-in collectors. */
  enum Which {
    CHECKPOINT,
    HEALTH,
    WITNESSES;

    public String text() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
