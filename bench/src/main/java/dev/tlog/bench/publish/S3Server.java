package dev.tlog.bench.publish;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.tlog.server.publish.s3.S3Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.LoggerFactory;

/**
 * An S3-compatible server in the bench JVM: S3Proxy on a free loopback port, keeping each object as
 * a file under a directory (the disk being measured), with one bucket. It counts what is stored
 * through it ({@link #puts}).
 *
 * <p>Like log-server's publishing tests it checks no signatures: S3Proxy 2.6 rejects the AWS SDK
 * 2.57 signature of a PUT. Clients still need credentials to sign with; {@link #start} gives the
 * AWS SDK in this JVM some, and {@link #credentialsEnv} gives them to child processes.
 */
public final class S3Server implements AutoCloseable {
  public static final String BUCKET = "tlog-bench";
  private static final String ACCESS_KEY = "tlog-bench-access";
  private static final String SECRET_KEY = "tlog-bench-secret";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final S3Proxy proxy;
  private final BlobStoreContext context;
  private final CountingBlobStore store;

  private S3Server(S3Proxy proxy, BlobStoreContext context, CountingBlobStore store) {
    this.proxy = proxy;
    this.context = context;
    this.store = store;
  }

  /** Starts the server with its objects under {@code dir}; returns once it accepts requests. */
  public static S3Server start(Path dir) {
    // S3Proxy and its Jetty log every start and stop at INFO; the step's output is its figures.
    if (LoggerFactory.getLogger("org.gaul") instanceof Logger logger) {
      logger.setLevel(Level.WARN);
    }
    Properties props = new Properties();
    props.setProperty("jclouds.filesystem.basedir", dir.toAbsolutePath().toString());
    BlobStoreContext context =
        ContextBuilder.newBuilder("filesystem")
            .overrides(props)
            .credentials("unused", "unused")
            .build(BlobStoreContext.class);
    CountingBlobStore store = new CountingBlobStore(context.getBlobStore());
    store.createContainerInLocation(null, BUCKET);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.NONE, null, null)
            .build();
    try {
      proxy.start();
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (!"STARTED".equals(proxy.getState())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
        }
        Thread.sleep(10);
      }
    } catch (Exception e) {
      context.close();
      throw new IllegalStateException("cannot start S3Proxy under " + dir + ": " + e, e);
    }
    // The AWS SDK's default credentials chain reads these system properties first.
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", SECRET_KEY);
    return new S3Server(proxy, context, store);
  }

  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  /** The bucket under {@code prefix} ({@code ""} or ending in {@code /}), path-style. */
  public S3Settings settings(String prefix) {
    return new S3Settings(BUCKET, prefix, "us-east-1", Optional.of(endpoint()), true);
  }

  /** The server's {@code --s3-*} flags for the bucket under {@code prefix}. */
  public List<String> serverFlags(String prefix) {
    return List.of(
        "--s3-bucket",
        BUCKET,
        "--s3-endpoint",
        endpoint(),
        "--s3-prefix",
        prefix,
        "--s3-path-style",
        "true");
  }

  /** The environment a child process's AWS SDK takes its credentials from. */
  public Map<String, String> credentialsEnv() {
    return Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
  }

  /** Objects stored so far, by anyone. */
  public PutCount puts() {
    return store.count();
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      System.out.println("S3Proxy did not stop cleanly: " + e);
    } finally {
      context.close();
    }
  }
}
