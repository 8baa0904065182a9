/**
 * Sequencing: a bounded queue of admitted appends drained by one writer thread into batches. Kept
 * separate from integration (which makes a batch durable and signs it) so each can be tested alone.
 */
package dev.tlog.server.sequencer;
