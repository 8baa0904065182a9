/**
 * Full audit of a log: download every entry (gRPC or tiles), recompute the RFC 9162 root with a
 * {@link dev.tlog.merkle.compact.CompactRange} and the linear chain with {@link
 * dev.tlog.merkle.chain.HashChain}, and compare both with a verified checkpoint. Progress (next
 * index, compact range hashes, chain head) is saved atomically so an interrupted audit resumes.
 * Single-threaded; failures are the library's {@link dev.tlog.client.TlogClientException}s.
 */
package dev.tlog.client.audit;
