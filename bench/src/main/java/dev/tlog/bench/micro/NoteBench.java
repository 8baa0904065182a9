package dev.tlog.bench.micro;

import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.note.Notes;
import dev.tlog.merkle.note.VerifiedNote;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Ed25519 signed notes: signing a checkpoint body, and opening (parse + verify) the result. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NoteBench {
  private static final String CHECKPOINT =
      "bench.example/log\n1000000\nVxX3Ohg4BO7VT0tJ7r8vKcEUJ1G9lbHXJSvzfH+PxlE=\n";

  private Ed25519NoteSigner signer;
  private List<NoteVerifier> verifiers;
  private byte[] signed;

  @Setup
  public void setUp() {
    signer = new Ed25519NoteSigner("bench.example/log", new byte[32]);
    verifiers = List.of(signer.verifier());
    signed = Notes.sign(CHECKPOINT, signer).toBytes();
  }

  @Benchmark
  public Note sign() {
    return Notes.sign(CHECKPOINT, signer);
  }

  @Benchmark
  public VerifiedNote open() {
    return Notes.open(signed, verifiers);
  }
}
