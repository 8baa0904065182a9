package dev.tlog.server.publish.s3;

import dev.tlog.server.publish.ObjectStore;
import dev.tlog.server.publish.PublishException;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * An {@link ObjectStore} on any S3-compatible service, through the AWS SDK for Java v2. Credentials
 * come from the SDK's default chain (environment {@code AWS_ACCESS_KEY_ID} and {@code
 * AWS_SECRET_ACCESS_KEY}, profile files, instance roles). Thread-safe.
 */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {
  private final S3Client s3;
  private final S3Settings settings;

  private S3ObjectStore(S3Client s3, S3Settings settings) {
    this.s3 = s3;
    this.settings = settings;
  }

  /** A client for {@code settings}; nothing is requested until the first call. */
  public static S3ObjectStore open(S3Settings settings) {
    S3ClientBuilder b =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(Region.of(settings.region()))
            .forcePathStyle(settings.pathStyle())
            // Checksums only where S3 requires them: many S3-compatible services refuse the
            // flexible-checksum headers the SDK would otherwise add to every request.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    settings.endpoint().map(URI::create).ifPresent(b::endpointOverride);
    return new S3ObjectStore(b.build(), settings);
  }

  @Override
  public void put(String key, byte[] body, String contentType, String cacheControl) {
    try {
      s3.putObject(
          PutObjectRequest.builder()
              .bucket(settings.bucket())
              .key(settings.key(key))
              .contentType(contentType)
              .cacheControl(cacheControl)
              .build(),
          RequestBody.fromBytes(body));
    } catch (SdkException e) {
      throw new PublishException("PUT " + describe(key) + ": " + detail(e), e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    try {
      return Optional.of(
          s3.getObjectAsBytes(
                  GetObjectRequest.builder()
                      .bucket(settings.bucket())
                      .key(settings.key(key))
                      .build())
              .asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw new PublishException("GET " + describe(key) + ": " + detail(e), e);
    }
  }

  /** The service's error code beside the SDK's message (e.g. SignatureDoesNotMatch). */
  private static String detail(SdkException e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
      return s.awsErrorDetails().errorCode() + ": " + e.getMessage();
    }
    return e.getMessage();
  }

  @Override
  public String describe() {
    return "s3://" + settings.bucket() + "/" + settings.key("");
  }

  private String describe(String key) {
    return "s3://" + settings.bucket() + "/" + settings.key(key);
  }

  @Override
  public void close() {
    s3.close();
  }
}
