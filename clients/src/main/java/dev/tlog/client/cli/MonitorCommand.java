package dev.tlog.client.cli;

import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.client.audit.AuditState;
import dev.tlog.client.audit.LogAuditor;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlog monitor}: follow the log and alert on any inconsistency. */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    description = {
      "Polls the log's checkpoint, verifies each new one and that it is consistent with the",
      "previous one (kept in --state-dir, so a rollback or fork between runs is caught too).",
      "With --entries, also downloads every new entry and checks the recomputed root and chain",
      "head. On any inconsistency prints a line starting with ALERT and exits with code 4."
    },
    footerHeading = "%n",
    footer = {
      "Exit codes: 0 stopped after --max-polls, 3 verification failed, 4 ALERT rollback/fork,",
      "5 unreachable, 7 local state error."
    })
final class MonitorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LogOptions options;

  @Option(
      names = "--interval",
      defaultValue = "10",
      paramLabel = "SECONDS",
      description = "Seconds between polls (default: ${DEFAULT-VALUE}).")
  double interval;

  @Option(
      names = "--max-polls",
      paramLabel = "N",
      description = "Stop after N polls (default: never).")
  Long maxPolls;

  @Option(names = "--once", description = "Poll once and stop (same as --max-polls 1).")
  boolean once;

  @Option(names = "--entries", description = "Download and verify every new entry.")
  boolean entries;

  @Override
  public Integer call() throws InterruptedException {
    Output out = new Output(spec.commandLine().getOut(), options.json);
    long polls = once ? 1 : maxPolls == null ? Long.MAX_VALUE : maxPolls;
    try (Session s = Session.open(options)) {
      Path auditFile = s.stateDir == null ? null : s.stateDir.auditFile(s.log.origin(), "monitor");
      AuditState audited =
          auditFile == null
              ? AuditState.initial(s.log.origin())
              : AuditState.load(auditFile, s.log.origin())
                  .orElse(AuditState.initial(s.log.origin()));
      for (long poll = 1; poll <= polls; poll++) {
        VerifiedCheckpoint cp = s.reader.checkpoint();
        Optional<VerifiedCheckpoint> prev = s.tracker.observeLatest(cp);
        String what =
            prev.map(p -> p.size() == cp.size() ? "unchanged" : "consistent with size " + p.size())
                .orElse("first checkpoint seen");
        if (entries && audited.next() < cp.size()) {
          AuditState[] last = {audited};
          new LogAuditor(s.source).audit(cp, audited, (a, b, c) -> {}, st -> last[0] = st);
          audited = last[0];
          if (auditFile != null) {
            audited.save(auditFile);
          }
          what += ", entries verified up to " + audited.next();
        }
        out.line("checkpoint size " + cp.size() + " root " + cp.root().toHex() + ": " + what);
        var json = out.object();
        json.put("poll", poll).put("size", cp.size()).put("root", cp.root().toHex());
        json.put("previous_size", prev.map(VerifiedCheckpoint::size).orElse(null));
        json.put("entries_verified", entries ? audited.next() : null);
        if (options.json) {
          spec.commandLine().getOut().println(json);
          spec.commandLine().getOut().flush();
        }
        if (poll < polls) {
          Thread.sleep((long) (interval * 1000));
        }
      }
      return ExitCodes.OK;
    }
  }
}
