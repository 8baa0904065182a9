package dev.tlog.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in every Markdown file of the repository resolves: the file exists, and a
 * {@code #fragment} names a heading of the target (GitHub's anchor rules). A README or spec that
 * points at a moved file or a renamed section fails the build instead of a newcomer.
 */
class MarkdownLinksTest {
  private static final Pattern LINK =
      Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules");

  @Test
  void everyRelativeLinkResolves() throws IOException {
    Path repo = repositoryRoot();
    List<Path> files = markdownFiles(repo);
    assertTrue(files.size() >= 10, "found only " + files + " under " + repo);
    Map<Path, Set<String>> anchors = new HashMap<>();
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path file : files) {
      for (String target : links(file)) {
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
          continue; // http:, https:, mailto: — not ours to check offline
        }
        checked++;
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = pathPart.isEmpty() ? file : file.getParent().resolve(pathPart).normalize();
        String where = repo.relativize(file) + ": (" + target + ")";
        if (!resolved.startsWith(repo)) {
          broken.add(where + " leaves the repository");
        } else if (!Files.exists(resolved)) {
          broken.add(where + " names a file that does not exist");
        } else if (fragment != null && resolved.toString().endsWith(".md")) {
          Set<String> known = anchors.computeIfAbsent(resolved, MarkdownLinksTest::anchorsOf);
          if (!known.contains(fragment)) {
            broken.add(where + " names no heading of " + repo.relativize(resolved));
          }
        }
      }
    }
    System.out.println(
        "MarkdownLinksTest: " + checked + " relative links in " + files.size() + " files");
    assertEquals(List.of(), broken, "broken relative links");
  }

  @Test
  void anchorsFollowGithubRules() {
    assertEquals("witnessing-log-side", slug("Witnessing (log side)"));
    assertEquals("startup-and-shutdown", slug("Startup and shutdown"));
    assertEquals("tlog-chain-and-c_i", slug("`tlog-chain` and C_i"));
    assertEquals("what-v2-adds--receipts", slug("What v2 adds — receipts"));
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("spec/pom.xml"))) {
      dir = dir.getParent();
    }
    assertTrue(dir != null, "repository root not found above " + Path.of("").toAbsolutePath());
    return dir;
  }

  private static List<Path> markdownFiles(Path repo) throws IOException {
    try (Stream<Path> walk = Files.walk(repo)) {
      return walk.filter(p -> p.toString().endsWith(".md"))
          .filter(p -> !inSkippedDir(repo.relativize(p)))
          .sorted()
          .toList();
    }
  }

  private static boolean inSkippedDir(Path relative) {
    for (Path part : relative) {
      if (SKIPPED_DIRS.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  /** Link targets outside fenced code blocks and inline code spans. */
  private static List<String> links(Path file) {
    List<String> out = new ArrayList<>();
    boolean fenced = false;
    for (String line : lines(file)) {
      if (line.stripLeading().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  private static Set<String> anchorsOf(Path file) {
    Set<String> out = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean fenced = false;
    for (String line : lines(file)) {
      if (line.stripLeading().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      Matcher m = HEADING.matcher(line);
      if (!fenced && m.matches()) {
        String base = slug(m.group(1));
        int n = seen.merge(base, 1, Integer::sum) - 1;
        out.add(n == 0 ? base : base + "-" + n);
      }
    }
    return out;
  }

  /** GitHub's heading anchor: lower case, punctuation dropped, each space a hyphen. */
  static String slug(String heading) {
    String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                b.appendCodePoint(c);
              } else if (c == ' ') {
                b.append('-');
              }
            });
    return b.toString();
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
