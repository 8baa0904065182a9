package dev.tlog.bench.load;

import java.net.URI;

/** Where a started server listens: {@code host:port} for gRPC, the base URI of the tiles API. */
public record Endpoints(String grpcTarget, URI httpBase) {}
