package dev.tlog.server.security.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * {@code --tls-self-signed}: a development certificate (ECDSA P-256, valid one year) for {@code
 * localhost}, {@code 127.0.0.1}, {@code ::1} and the bind host, generated under {@code
 * <data-dir>/tls/} on first run and reused after. Clients trust it with {@code --ca
 * <data-dir>/tls/dev-cert.pem} or by its SHA-256 fingerprint, checked by hand. Not for production:
 * nothing vouches for it.
 */
public final class DevCertificate {
  static final String CERT = "dev-cert.pem";
  static final String KEY = "dev-key.pem";

  private final TlsFiles files;
  private final String fingerprint;
  private final boolean created;

  private DevCertificate(TlsFiles files, String fingerprint, boolean created) {
    this.files = files;
    this.fingerprint = fingerprint;
    this.created = created;
  }

  /** The certificate under {@code dir}, generated first if absent. */
  public static DevCertificate loadOrCreate(Path dir, String bindHost) {
    Path cert = dir.resolve(CERT);
    Path key = dir.resolve(KEY);
    try {
      boolean create = !Files.exists(cert) || !Files.exists(key);
      if (create) {
        Files.createDirectories(dir);
        generate(cert, key, bindHost);
      }
      X509Certificate x509;
      try (var in = Files.newInputStream(cert)) {
        x509 = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      }
      return new DevCertificate(new TlsFiles(cert, key), sha256(x509.getEncoded()), create);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write development certificate in " + dir, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make development certificate: " + e.getMessage(), e);
    }
  }

  private static void generate(Path cert, Path key, String bindHost)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    KeyPair kp = g.generateKeyPair();
    X500Name name = new X500Name("CN=tlog development certificate");
    Instant now = Instant.now();
    List<GeneralName> sans = new ArrayList<>();
    sans.add(new GeneralName(GeneralName.dNSName, "localhost"));
    sans.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
    sans.add(new GeneralName(GeneralName.iPAddress, "::1"));
    // A wildcard bind address names no host; a specific one is how clients will dial it.
    if (!List.of("localhost", "127.0.0.1", "::1", "0.0.0.0", "::").contains(bindHost)) {
      boolean ip =
          bindHost.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
      sans.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, bindHost));
    }
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
                name,
                new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(365))),
                name,
                kp.getPublic())
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
            .addExtension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(sans.toArray(GeneralName[]::new)));
    X509Certificate x509 =
        new JcaX509CertificateConverter()
            .getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
    Files.deleteIfExists(key);
    Files.createFile(key, ownerOnly(key));
    Files.writeString(
        key, pem(new JcaPKCS8Generator(kp.getPrivate(), null)), StandardCharsets.US_ASCII);
    Files.writeString(cert, pem(x509), StandardCharsets.US_ASCII);
  }

  private static FileAttribute<?>[] ownerOnly(Path file) {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
      };
    }
    return new FileAttribute<?>[0];
  }

  private static String pem(Object o) throws IOException {
    StringWriter s = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(s)) {
      w.writeObject(o);
    }
    return s.toString();
  }

  static String sha256(byte[] der) throws GeneralSecurityException {
    return HexFormat.ofDelimiter(":")
        .withUpperCase()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(der));
  }

  public TlsFiles files() {
    return files;
  }

  /** SHA-256 of the certificate's DER, colon-separated hex (as browsers and openssl show it). */
  public String fingerprint() {
    return fingerprint;
  }

  /** Whether this run generated it. */
  public boolean created() {
    return created;
  }
}
