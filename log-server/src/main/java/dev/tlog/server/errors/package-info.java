/**
 * The log server's exception hierarchy. Every failure that reaches a transport is a {@link
 * dev.tlog.server.errors.LogException} or a {@link dev.tlog.merkle.MerkleException}; the transports
 * translate them to statuses in one class each.
 */
package dev.tlog.server.errors;
