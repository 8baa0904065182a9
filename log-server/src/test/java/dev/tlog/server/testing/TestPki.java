package dev.tlog.server.testing;

import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A real certificate authority made in the test with Bouncy Castle, writing PEM files into a temp
 * dir: a server certificate for loopback and client certificates with a chosen CN.
 */
public final class TestPki {
  private final Path dir;
  private final KeyPair caKey;
  private final X509Certificate caCert;
  private final String name;

  private TestPki(Path dir, String name) throws Exception {
    this.dir = dir;
    this.name = name;
    this.caKey = keyPair();
    X500Name subject = new X500Name("CN=" + name);
    this.caCert =
        sign(
            new JcaX509v3CertificateBuilder(
                    subject, serial(), notBefore(), notAfter(), subject, caKey.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)));
    Files.createDirectories(dir);
    write(caFile(), caCert);
  }

  /** A new CA named {@code name} writing under {@code dir}. */
  public static TestPki create(Path dir, String name) {
    try {
      return new TestPki(dir, name);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The CA certificate (PEM). */
  public Path caFile() {
    return dir.resolve(name + "-ca.pem");
  }

  /** A certificate and PKCS#8 key issued by this CA: [cert, key]. */
  public Path[] issue(String cn, boolean server) {
    try {
      KeyPair kp = keyPair();
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
                  new X500Name("CN=" + name),
                  serial(),
                  notBefore(),
                  notAfter(),
                  new X500Name("CN=" + cn),
                  kp.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      if (server) {
        b.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(
                new GeneralName[] {
                  new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                  new GeneralName(GeneralName.dNSName, "localhost")
                }));
      }
      X509Certificate cert = sign(b);
      Path c = dir.resolve(cn + "-cert.pem");
      Path k = dir.resolve(cn + "-key.pem");
      write(c, cert);
      write(k, new JcaPKCS8Generator(kp.getPrivate(), null));
      return new Path[] {c, k};
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A gRPC channel to {@code port} on 127.0.0.1 over TLS trusting {@code ca}. */
  public static ManagedChannel channel(int port, Path ca, Path[] clientCert) {
    try {
      TlsChannelCredentials.Builder b =
          TlsChannelCredentials.newBuilder().trustManager(ca.toFile());
      if (clientCert != null) {
        b.keyManager(clientCert[0].toFile(), clientCert[1].toFile());
      }
      ChannelCredentials creds = b.build();
      return NettyChannelBuilder.forAddress("127.0.0.1", port, creds).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An SSL context trusting only {@code ca} (for java.net.http). */
  public static SSLContext sslContext(Path ca) {
    try (InputStream in = Files.newInputStream(ca)) {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      ks.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private X509Certificate sign(X509v3CertificateBuilder b) throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate())));
  }

  private static KeyPair keyPair() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    return g.generateKeyPair();
  }

  private static BigInteger serial() {
    return new BigInteger(64, new SecureRandom());
  }

  private static Date notBefore() {
    return Date.from(Instant.now().minus(Duration.ofHours(1)));
  }

  private static Date notAfter() {
    return Date.from(Instant.now().plus(Duration.ofDays(2)));
  }

  private static void write(Path file, Object o) throws IOException {
    StringWriter s = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(s)) {
      w.writeObject(o);
    }
    Files.writeString(file, s.toString());
  }
}
