package dev.tlog.server.api.explorer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The explorer's static files, a fixed list read from the classpath ({@code explorer/}) once at
 * start and served from memory: no file system lookups per request, no path from a request ever
 * reaches a resource loader.
 */
final class ExplorerAssets {
  /** A file and its content type. */
  record Asset(byte[] body, String contentType) {}

  private static final Map<String, String> FILES =
      Map.of(
          "index.html", "text/html; charset=utf-8",
          "explorer.css", "text/css; charset=utf-8",
          "explorer.js", "text/javascript; charset=utf-8",
          "verify.js", "text/javascript; charset=utf-8",
          "render.js", "text/javascript; charset=utf-8");

  private final Map<String, Asset> assets;

  private ExplorerAssets(Map<String, Asset> assets) {
    this.assets = assets;
  }

  /** Loads every file; a missing one is a packaging bug and fails the start. */
  static ExplorerAssets load() {
    Map<String, Asset> out = new TreeMap<>();
    for (Map.Entry<String, String> f : FILES.entrySet()) {
      String name = "explorer/" + f.getKey();
      try (InputStream in = ExplorerAssets.class.getClassLoader().getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("explorer resource missing from the build: " + name);
        }
        out.put(f.getKey(), new Asset(in.readAllBytes(), f.getValue()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read explorer resource " + name, e);
      }
    }
    return new ExplorerAssets(out);
  }

  /** The file at {@code path} below {@code /explorer/} ({@code ""} is {@code index.html}). */
  Optional<Asset> find(String path) {
    return Optional.ofNullable(assets.get(path.isEmpty() ? "index.html" : path));
  }
}
