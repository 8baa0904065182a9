package dev.tlog.client.cli;

import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.client.audit.AuditResult;
import dev.tlog.client.audit.AuditState;
import dev.tlog.client.audit.LogAuditor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlog audit}: recompute the whole log and compare with the signed checkpoint. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Downloads every entry (gRPC or tiles), recomputes the Merkle root and the tlog-chain head",
      "and compares both with the latest verified checkpoint (and its cosignatures). Progress is",
      "saved in --state-dir after every page, so an interrupted audit resumes where it stopped.",
      "Shows a progress bar with rate and ETA on a terminal, plain lines otherwise."
    },
    footerHeading = "%n",
    footer = {
      "Exit codes: 0 audit passed, 2 usage, 3 root or chain head mismatch / bad signature,",
      "4 ALERT rollback/fork, 5 unreachable, 7 local state error."
    })
final class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LogOptions options;

  @Option(names = "--restart", description = "Ignore saved progress and start from entry 0.")
  boolean restart;

  @Option(
      names = "--progress-every",
      defaultValue = "5",
      paramLabel = "SECONDS",
      description =
          "Seconds between plain progress lines when not on a terminal (default: ${DEFAULT-VALUE}).")
  long progressEvery;

  @Override
  public Integer call() {
    Output out = new Output(spec.commandLine().getOut(), options.json);
    try (Session s = Session.open(options)) {
      VerifiedCheckpoint cp = s.reader.checkpoint();
      s.tracker.observeLatest(cp);
      Path file = s.stateDir == null ? null : s.stateDir.auditFile(s.log.origin(), "audit");
      AuditState from =
          file == null || restart
              ? AuditState.initial(s.log.origin())
              : AuditState.load(file, s.log.origin()).orElse(AuditState.initial(s.log.origin()));
      Consumer<AuditState> saver = file == null ? st -> {} : st -> st.save(file);
      boolean tty =
          System.console() != null && spec.commandLine().getErr() != null && !options.json;
      ProgressBar bar =
          new ProgressBar(spec.commandLine().getErr(), tty, Duration.ofSeconds(progressEvery));
      AuditResult r = new LogAuditor(s.source).audit(cp, from, bar, saver);
      out.line(
          "audit passed for "
              + cp.origin()
              + " at size "
              + cp.size()
              + " via "
              + s.source.describe());
      if (r.resumedFrom() > 0) {
        out.line(
            "resumed from entry " + r.resumedFrom() + " (entries before it were checked earlier)");
      }
      out.line("root:       " + r.computedRoot().toHex() + " recomputed = signed");
      out.line("chain head: " + r.computedChainHead().toHex() + " recomputed = tlog-chain line");
      out.line("signed by:  " + s.log.logKey().name() + " (verified)");
      cp.cosignatures().forEach(c -> out.line("cosigned:   " + c.name() + " (verified)"));
      var json = out.object();
      json.put("passed", true).put("resumed_from", r.resumedFrom());
      json.set("checkpoint", Output.checkpointJson(cp));
      out.json(json);
      return ExitCodes.OK;
    }
  }
}
