package dev.tlog.server.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlog.merkle.tile.TileMath;
import dev.tlog.merkle.tile.TilePaths;
import dev.tlog.server.publish.s3.S3Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.ContainerAccess;

/**
 * A real S3-compatible server for tests: S3Proxy in this JVM on a free loopback port, storing
 * objects as files under a directory, with one public-read bucket so that plain HTTP GETs read it
 * as a CDN or a client would.
 */
public final class S3Bucket implements AutoCloseable {
  public static final String BUCKET = "tlog-tiles";
  public static final String ACCESS_KEY = "tlog-test-access";
  public static final String SECRET_KEY = "tlog-test-secret";

  private final S3Proxy proxy;
  private final Path dir;
  private final BlobStoreContext context;
  private final HttpClient http = HttpClient.newHttpClient();

  private S3Bucket(S3Proxy proxy, BlobStoreContext context, Path dir) {
    this.proxy = proxy;
    this.dir = dir;
    this.context = context;
  }

  public static S3Bucket start(Path dir) throws Exception {
    return start(dir, 0);
  }

  /**
   * As {@link #start(Path)} on loopback port {@code port} (0: any free port): a test can have a
   * server configured for a bucket that is not up yet, then bring it up there.
   */
  public static S3Bucket start(Path dir, int port) throws Exception {
    Properties props = new Properties();
    props.setProperty("jclouds.filesystem.basedir", dir.toString());
    BlobStoreContext context =
        ContextBuilder.newBuilder("filesystem")
            .overrides(props)
            .credentials("unused", "unused")
            .build(BlobStoreContext.class);
    context.getBlobStore().createContainerInLocation(null, BUCKET);
    context.getBlobStore().setContainerAccess(BUCKET, ContainerAccess.PUBLIC_READ);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:" + port))
            // S3Proxy 2.6 rejects the AWS SDK 2.57 signature of PUTs (SignatureDoesNotMatch),
            // so it checks none; the SDK still signs with the credentials below.
            .awsAuthentication(AuthenticationType.NONE, null, null)
            .build();
    proxy.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    // The publisher takes credentials from the AWS SDK's default chain, which reads these first.
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", SECRET_KEY);
    return new S3Bucket(proxy, context, dir);
  }

  /**
   * Where the filesystem store keeps the bucket's objects: one file per key, {@code /} a folder.
   */
  public Path directory() {
    return dir.resolve(BUCKET);
  }

  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  /** The public URL of the bucket (with {@code prefix}), as tlog-tiles clients are given it. */
  public String url(String prefix) {
    return endpoint() + "/" + BUCKET + "/" + prefix;
  }

  public S3Settings settings(String prefix) {
    return settings(endpoint(), prefix);
  }

  /** The settings of this test bucket at {@code endpoint}, which need not be up yet. */
  public static S3Settings settings(String endpoint, String prefix) {
    return new S3Settings(BUCKET, prefix, "us-east-1", Optional.of(endpoint), true);
  }

  public int port() {
    return proxy.getPort();
  }

  /** An anonymous GET of {@code key}, as a reader of the public bucket does it. */
  public HttpResponse<byte[]> get(String key) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(endpoint() + "/" + BUCKET + "/" + key))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * Checks that the bucket (under {@code prefix}) holds exactly what the log at {@code logUrl}
   * serves for a tree of {@code size}: the checkpoint, every hash tile and every entry bundle, byte
   * for byte, with the same Content-Type and Cache-Control.
   */
  public void assertServesWhatTheLogServes(String logUrl, long size, String prefix)
      throws Exception {
    List<String> paths = new ArrayList<>();
    paths.add("checkpoint");
    TileMath.tilesForSize(size).forEach(t -> paths.add(TilePaths.format(t)));
    TileMath.entryBundlesForSize(size).forEach(b -> paths.add(TilePaths.format(b)));
    for (String path : paths) {
      HttpResponse<byte[]> fromLog =
          http.send(
              HttpRequest.newBuilder(URI.create(logUrl + "/" + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      HttpResponse<byte[]> fromBucket = get(prefix + path);
      assertEquals(200, fromLog.statusCode(), path);
      assertEquals(200, fromBucket.statusCode(), () -> path + " missing from the bucket");
      assertArrayEquals(fromLog.body(), fromBucket.body(), path);
      for (String header : List.of("Content-Type", "Cache-Control")) {
        // Jetty (S3Proxy) writes "text/plain;charset=utf-8": the same media type.
        assertEquals(
            fromLog.headers().firstValue(header).map(v -> v.replace(" ", "")),
            fromBucket.headers().firstValue(header).map(v -> v.replace(" ", "")),
            path + " " + header);
      }
    }
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    context.close();
  }
}
