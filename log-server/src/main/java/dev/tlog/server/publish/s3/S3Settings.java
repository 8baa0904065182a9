package dev.tlog.server.publish.s3;

import java.util.Optional;

/**
 * Where to publish: a bucket, a key prefix ({@code ""} or ending in {@code /}), a region, and for
 * services other than AWS an endpoint URL, usually with path-style addressing.
 */
public record S3Settings(
    String bucket, String prefix, String region, Optional<String> endpoint, boolean pathStyle) {
  public S3Settings {
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("S3 bucket name is empty");
    }
    if (!prefix.isEmpty() && (!prefix.endsWith("/") || prefix.startsWith("/"))) {
      throw new IllegalArgumentException(
          "S3 key prefix must be empty or like \"logs/a/\" (no leading /, a trailing /), got \""
              + prefix
              + "\"");
    }
  }

  /** The object key of tlog-tiles path {@code path}. */
  String key(String path) {
    return prefix + path;
  }
}
