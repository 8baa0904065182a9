package dev.tlog.server.security.tls;

import dev.tlog.server.security.SecuritySettings;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Plaintext is served on loopback only, unless the operator says otherwise: tokens and entries
 * would otherwise cross a network in the clear (spec/security.md, "Transport").
 */
public final class PlaintextPolicy {
  private PlaintextPolicy() {}

  /**
   * Throws {@link InsecureListenerException} if {@code bindHost} may not be served as configured.
   */
  public static void check(String bindHost, SecuritySettings security) {
    if (security.tls().isPresent() || security.allowPlaintext() || isLoopback(bindHost)) {
      return;
    }
    throw new InsecureListenerException(
        "refusing to serve plaintext on "
            + bindHost
            + ", which is not a loopback address: give --tls-cert and --tls-key (or"
            + " --tls-self-signed for development), or --allow-plaintext if a proxy in front"
            + " terminates TLS");
  }

  static boolean isLoopback(String host) {
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
