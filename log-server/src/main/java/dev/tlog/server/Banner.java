package dev.tlog.server;

import dev.tlog.server.ledger.Ledger;
import dev.tlog.server.security.tls.DevCertificate;
import dev.tlog.server.storage.LogMode;
import java.io.PrintStream;
import java.util.Optional;

/**
 * The lines that tell an operator where a started log is. Tools and tests read the address lines up
 * to the end of the line: nothing may follow them.
 */
final class Banner {
  private final PrintStream out;
  private final String indent;

  Banner(PrintStream out, String indent) {
    this.out = out;
    this.indent = indent;
  }

  void print(LogServer server, ServerConfig config, Optional<DevCertificate> devCert) {
    line("origin:       " + server.origin());
    line("mode:         " + server.mode().label());
    if (server.mode() == LogMode.LEDGER) {
      line("ledger index: " + config.dataDir().resolve(Ledger.INDEX_DIR));
    }
    line("verifier key: " + server.verifierKey());
    boolean tls = config.security().tls().isPresent();
    String http = (tls ? "https://" : "http://") + config.bindHost() + ":" + server.httpPort();
    line("gRPC:         " + config.bindHost() + ":" + server.grpcPort());
    line("HTTP (tiles): " + http + "/checkpoint");
    line("explorer:     " + http + "/explorer/");
    line("metrics:      " + http + "/metrics (health: /healthz, /readyz)");
    config
        .publish()
        .ifPresent(
            p ->
                line(
                    "publishing:   s3://"
                        + p.bucket()
                        + "/"
                        + p.prefix()
                        + p.endpoint().map(e -> " at " + e).orElse("")));
    line(
        "TLS:          "
            + (tls
                ? "on, gRPC and HTTP"
                    + config
                        .security()
                        .clientCa()
                        .map(c -> ", client certificates from " + c)
                        .orElse("")
                : "off (plaintext)"));
    devCert.ifPresent(
        d -> {
          line(
              "TLS:          self-signed development certificate "
                  + d.files().certChain()
                  + (d.created() ? " (created now)" : ""));
          line("              SHA-256 " + d.fingerprint());
          line("              for development only: clients must trust it with --ca");
        });
    config
        .security()
        .authFile()
        .ifPresent(
            f ->
                line(
                    "auth file:    "
                        + f
                        + (config.security().authReads() ? " (appends and reads)" : " (appends)")
                        + config.security().rateLimit().map(l -> ", rate limit " + l).orElse("")));
    line("checkpoint size: " + server.signedCheckpoints().latest().orElseThrow().size());
    server
        .closedAt()
        .ifPresent(
            size ->
                line(
                    "closed:       at size "
                        + size
                        + " (final checkpoint; appends are refused, reads go on)"));
    config.collectors().ifPresent(c -> line("collectors:   " + c.collectors().size()));
    if (config.witnesses().enabled()) {
      line(
          "witnesses:    "
              + config.witnesses().witnesses().size()
              + " (quorum "
              + config.witnesses().quorum()
              + ")");
    }
  }

  private void line(String text) {
    out.println(indent + text);
  }
}
