package dev.tlog.witness;

import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.witness.fork.ForkEvidence;
import dev.tlog.witness.fork.InvalidEvidenceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tlog-witness verify-evidence FILE [--log-key VKEY]...}: offline check of a fork file. */
@Command(
    name = "verify-evidence",
    mixinStandardHelpOptions = true,
    description = "Verifies a fork evidence file offline; exit 0 if it proves a fork, 1 if not.")
final class VerifyEvidenceCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "Evidence file (JSON, tlog-fork-evidence/v1).")
  Path file;

  @Option(
      names = "--log-key",
      description = "Trusted log verifier key (default: the keys inside the evidence).")
  List<String> logKeys = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    ForkEvidence evidence = ForkEvidence.fromJson(Files.readAllBytes(file));
    try {
      ForkEvidence.Verdict v;
      if (logKeys.isEmpty()) {
        v = evidence.verify();
      } else {
        List<NoteVerifier> keys = new ArrayList<>();
        logKeys.forEach(k -> keys.add(VerifierKeys.parse(k)));
        v = evidence.verify(keys);
      }
      System.out.printf(
          "valid fork evidence for \"%s\": size %d root %s conflicts with size %d root %s%n",
          evidence.origin(),
          v.first().size(),
          v.first().root().toBase64(),
          v.second().size(),
          v.second().root().toBase64());
      return 0;
    } catch (InvalidEvidenceException e) {
      System.out.println("not valid fork evidence: " + e.getMessage());
      return 1;
    }
  }
}
