package dev.tlog.server;

import dev.tlog.server.security.auth.ActorPattern;
import dev.tlog.server.security.auth.Credentials;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tlog-server token add --auth-file F --actor A}: makes a bearer token bound to the actor
 * pattern {@code A}, appends its SHA-256 to {@code F} (created owner-only if absent) and prints the
 * token once; it is not stored anywhere. A running server picks the new line up by itself. To
 * revoke a token, delete its line (spec/security.md, "The auth file").
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    version = "tlog-server 0.1.0",
    description = "Manages appender bearer tokens in an auth file.",
    subcommands = TokenCommand.Add.class)
final class TokenCommand {

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Creates a token for --actor, appends its hash to --auth-file and prints the token"
              + " once.")
  static final class Add implements Callable<Integer> {
    @Option(names = "--auth-file", required = true, paramLabel = "FILE", description = "Auth file.")
    Path authFile;

    @Option(
        names = "--actor",
        required = true,
        paramLabel = "PATTERN",
        description =
            "Actor the token may append events for: user:alice, a prefix service:ci-*, or *.")
    String actor;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      ActorPattern pattern = new ActorPattern(actor);
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      String token = "tlog_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      if (!Files.exists(authFile)) {
        Files.createFile(
            authFile,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(
          authFile,
          Credentials.hashLine(token) + " " + pattern + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
      PrintWriter out = spec.commandLine().getOut();
      out.println(token);
      out.flush();
      spec.commandLine()
          .getErr()
          .println(
              "tlog-server token: added a token for "
                  + pattern
                  + " to "
                  + authFile
                  + "; it is shown only now (only its hash is stored)");
      return 0;
    }
  }
}
