package dev.tlog.server.evidence.run;

import dev.tlog.compliance.evidence.CollectionRecord;
import dev.tlog.compliance.evidence.CollectionRecord.Status;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.server.evidence.config.CollectorSpec;
import dev.tlog.server.evidence.config.CollectorsFile;
import dev.tlog.server.evidence.config.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Hashes files: each configured path is a file, or a directory walked (symlinks are neither
 * followed nor recorded). The output is the manifest, lines {@code <sha256> <path>\n} in path
 * order. With {@code include_content}, when the manifest followed by every file as {@code \n==>
 * <path> <==\n<content>} is valid UTF-8 and at most 4096 bytes, that is the output instead. At most
 * {@value CollectorsFile#MAX_FILES} files; an unreadable file fails the run (the others are still
 * listed).
 */
public final class FilesCollector implements Collector {
  @Override
  public RunResult run(CollectorSpec spec) {
    Source.Files f = (Source.Files) spec.source();
    SortedSet<String> paths = new TreeSet<>();
    List<String> errors = new ArrayList<>();
    for (Path p : f.paths()) {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        errors.add(p + ": no such file or directory");
      } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(q -> Files.isRegularFile(q, LinkOption.NOFOLLOW_LINKS))
              .forEach(q -> paths.add(q.toString()));
        } catch (IOException | UncheckedIOException e) {
          errors.add(p + ": cannot list: " + e.getMessage());
        }
      } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        paths.add(p.toString());
      }
      if (paths.size() > CollectorsFile.MAX_FILES) {
        return RunResult.failed(
            new CapturedOutput(), "more than " + CollectorsFile.MAX_FILES + " files");
      }
      if (Thread.currentThread().isInterrupted()) {
        return new RunResult(
            Status.TIMEOUT,
            new CapturedOutput(),
            Optional.empty(),
            Optional.empty(),
            null,
            Optional.of("stopped"));
      }
    }
    SortedMap<String, String> hashes = new TreeMap<>();
    StringBuilder manifest = new StringBuilder();
    for (String p : paths) {
      try {
        String h = sha256(Path.of(p));
        hashes.put(p, h);
        manifest.append(h).append("  ").append(p).append('\n');
      } catch (IOException e) {
        errors.add(p + ": cannot read: " + e.getMessage());
      }
    }
    byte[] output = manifest.toString().getBytes(StandardCharsets.UTF_8);
    if (f.includeContent()) {
      output = withContent(output, hashes.keySet()).orElse(output);
    }
    return new RunResult(
        errors.isEmpty() ? Status.OK : Status.FAILED,
        CapturedOutput.of(output),
        Optional.empty(),
        Optional.empty(),
        hashes,
        errors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errors)));
  }

  private static Optional<byte[]> withContent(byte[] manifest, Iterable<String> paths) {
    StringBuilder s = new StringBuilder(new String(manifest, StandardCharsets.UTF_8));
    for (String p : paths) {
      try {
        if (Files.size(Path.of(p)) > CollectionRecord.MAX_INLINE_OUTPUT) {
          return Optional.empty();
        }
        s.append("\n==> ").append(p).append(" <==\n").append(Files.readString(Path.of(p)));
      } catch (IOException e) {
        // Not UTF-8 (MalformedInputException) or unreadable: the manifest alone.
        return Optional.empty();
      }
      if (s.length() > CollectionRecord.MAX_INLINE_OUTPUT) {
        return Optional.empty();
      }
    }
    byte[] out = s.toString().getBytes(StandardCharsets.UTF_8);
    return out.length <= CollectionRecord.MAX_INLINE_OUTPUT ? Optional.of(out) : Optional.empty();
  }

  private static String sha256(Path p) throws IOException {
    MessageDigest d;
    try {
      d = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) >= 0) {
        d.update(buf, 0, n);
      }
    }
    return Hash.of(d.digest()).toHex();
  }
}
