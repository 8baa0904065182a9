package dev.tlog.server.witnessing;

import java.util.List;

/**
 * Which witnesses to ask and how many cosignatures (from distinct witnesses) a checkpoint needs
 * before it is published: {@code quorum} of {@code witnesses.size()}.
 */
public record WitnessPolicy(List<Witness> witnesses, int quorum) {
  public WitnessPolicy {
    witnesses = List.copyOf(witnesses);
    if (witnesses.isEmpty() ? quorum != 0 : quorum < 1 || quorum > witnesses.size()) {
      throw new IllegalArgumentException(
          "quorum must be in [1, "
              + witnesses.size()
              + "] with witnesses, 0 without; got "
              + quorum);
    }
    if (witnesses.stream().map(Witness::name).distinct().count() != witnesses.size()) {
      throw new IllegalArgumentException("witness names must be distinct");
    }
  }

  /** No witnesses: every signed checkpoint is published at once. */
  public static WitnessPolicy none() {
    return new WitnessPolicy(List.of(), 0);
  }

  public boolean enabled() {
    return !witnesses.isEmpty();
  }
}
