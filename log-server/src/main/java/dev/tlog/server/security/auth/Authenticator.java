package dev.tlog.server.security.auth;

import dev.tlog.server.errors.UnauthenticatedException;
import dev.tlog.server.errors.UnavailableException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Who a call is, from its {@code authorization: Bearer <token>} header or its verified TLS client
 * certificate, looked up in the {@link CredentialsFile} as it is now. A token that is presented but
 * not listed is refused outright ({@link UnauthenticatedException}), even for a public read: a
 * client sending a revoked token should learn so. A client certificate that is not listed is only
 * transport security, not a credential. Thread-safe.
 */
public final class Authenticator {
  private static final String BEARER = "bearer ";

  private final CredentialsFile file;

  public Authenticator(CredentialsFile file) {
    this.file = file;
  }

  /**
   * The appender, or empty when the call carries no credential.
   *
   * @param authorization the {@code authorization} header, if any
   * @param peer the client's certificate chain as TLS verified it, leaf first; empty without one
   */
  public Optional<Appender> authenticate(
      Optional<String> authorization, List<X509Certificate> peer) {
    Credentials now;
    try {
      now = file.current();
    } catch (RuntimeException e) {
      throw new UnavailableException(
          "credentials cannot be checked: the server's auth file is unreadable or malformed"
              + " (the operator must fix it)");
    }
    if (authorization.isPresent()) {
      String h = authorization.get();
      if (h.length() <= BEARER.length() || !h.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        throw new UnauthenticatedException("authorization header must be \"Bearer <token>\"");
      }
      return Optional.of(
          now.byToken(h.substring(BEARER.length()).strip())
              .orElseThrow(
                  () ->
                      new UnauthenticatedException(
                          "bearer token not accepted: unknown or revoked")));
    }
    if (!peer.isEmpty()) {
      return now.byCertificateNames(names(peer.get(0)));
    }
    return Optional.empty();
  }

  /** The subject CN, then the DNS, email, URI and IP subject alternative names. */
  static List<String> names(X509Certificate cert) {
    List<String> out = new ArrayList<>();
    try {
      for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          out.add(String.valueOf(rdn.getValue()));
        }
      }
    } catch (InvalidNameException e) {
      // No usable subject: the SANs may still name it.
    }
    try {
      var sans = cert.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          int type = (Integer) san.get(0);
          if (type == 1 || type == 2 || type == 6 || type == 7) {
            out.add(String.valueOf(san.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // Unparseable SANs name nothing.
    }
    return out;
  }
}
