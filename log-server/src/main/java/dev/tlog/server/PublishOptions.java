package dev.tlog.server;

import dev.tlog.server.publish.s3.S3Settings;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --s3-*} flags: where the log publishes its tiles (spec/scaling.md). A mixin. */
final class PublishOptions {
  @Option(
      names = "--s3-bucket",
      description =
          "Publish tiles, entry bundles and checkpoints to this S3-compatible bucket"
              + " (spec/scaling.md); credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"
              + " or the AWS SDK's other default sources.")
  String bucket;

  @Option(
      names = "--s3-prefix",
      defaultValue = "",
      description = "Key prefix in the bucket, e.g. logs/audit/ (default: none).")
  String prefix;

  @Option(
      names = "--s3-endpoint",
      description = "Endpoint URL of a service other than AWS S3, e.g. http://127.0.0.1:9000.")
  String endpoint;

  @Option(
      names = "--s3-region",
      defaultValue = "us-east-1",
      description = "Bucket region (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(
      names = "--s3-path-style",
      arity = "1",
      description =
          "Path-style addressing (endpoint/bucket/key); default: true with --s3-endpoint,"
              + " false on AWS.")
  Boolean pathStyle;

  /** The bucket to publish to, or empty without {@code --s3-bucket}. */
  Optional<S3Settings> settings() {
    if (bucket == null) {
      if (endpoint != null || !prefix.isEmpty()) {
        throw new IllegalArgumentException("--s3-endpoint and --s3-prefix need --s3-bucket");
      }
      return Optional.empty();
    }
    return Optional.of(
        new S3Settings(
            bucket,
            prefix,
            region,
            Optional.ofNullable(endpoint),
            pathStyle != null ? pathStyle : endpoint != null));
  }
}
