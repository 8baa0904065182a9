package dev.tlog.client;

import java.util.List;
import java.util.Objects;

/**
 * Acknowledgements that one signed checkpoint covers, not yet verified: the results of an {@code
 * Append} or {@code AppendBatch}, or consecutive {@code AppendStream} acknowledgements. {@code
 * checkpoint} is the signed note text; a {@link LogWriter} always fills it in, whatever the wire
 * protocol left implicit.
 */
public record AckBatch(String checkpoint, List<AppendAck> acks) {
  public AckBatch {
    Objects.requireNonNull(checkpoint, "checkpoint");
    acks = List.copyOf(acks);
  }
}
