package dev.tlog.server.integrate;

import java.util.List;

/**
 * What the sequencer hands batches to: makes a batch of requests durable and returns one result
 * list per request. Called only from the sequencer's writer thread.
 */
@FunctionalInterface
public interface BatchIntegrator {
  List<List<AppendResult>> integrate(List<List<byte[]>> requests);
}
