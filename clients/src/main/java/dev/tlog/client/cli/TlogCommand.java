package dev.tlog.client.cli;

import java.io.InputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tlog}: the parent of every subcommand. */
@Command(
    name = "tlog",
    mixinStandardHelpOptions = true,
    version = "tlog 0.1.0",
    description =
        "Record and investigate audit events; append to, prove, monitor, audit and export"
            + " evidence from a tlog log; verify bundles.",
    subcommands = {
      RecordCommand.class,
      IngestCommand.class,
      EventsCommand.class,
      SummaryCommand.class,
      TraceCommand.class,
      WindowCommand.class,
      AppendCommand.class,
      CheckpointCommand.class,
      ProveCommand.class,
      MonitorCommand.class,
      AuditCommand.class,
      ExportCommand.class,
      VerifyBundleCommand.class,
      ReportCommand.class,
      VerifyReportCommand.class
    },
    footer = {
      "",
      "Common options of the network commands: --grpc host:port | --http URL, --vkey|--vkey-file,",
      "--origin, --state-dir, --witness, --json (defaults from TLOG_GRPC, TLOG_HTTP, TLOG_VKEY,",
      "TLOG_STATE_DIR).",
      "",
      "Exit codes: 0 ok, 1 internal, 2 usage, 3 verification failed, 4 ALERT rollback/fork,",
      "5 unreachable, 6 rejected by the log, 7 local state error, 8 INCOMPLETE: the log left out",
      "a matching event (details: tlog <cmd> --help)."
    })
public final class TlogCommand implements Runnable {
  private final InputStream stdin;

  @Spec CommandSpec spec;

  TlogCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  InputStream stdin() {
    return stdin;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand");
  }
}
