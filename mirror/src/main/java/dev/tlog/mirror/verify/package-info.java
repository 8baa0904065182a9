/**
 * Verification of what the upstream serves against what the mirror already holds (spec/mirror.md,
 * "Verification"): {@link dev.tlog.mirror.verify.GrowthVerifier} checks the objects that growing
 * the tree from the served size to a new signed checkpoint adds, {@link
 * dev.tlog.mirror.verify.StoredTree} recomputes roots from the stored objects, and {@link
 * dev.tlog.mirror.verify.ForkCheck} decides whether a failed growth is proof of a fork. Pure: the
 * stored objects, the upstream and the staging sink are interfaces the caller wires.
 *
 * <p>Threading: a {@link dev.tlog.mirror.verify.GrowthVerifier} run belongs to one thread.
 * Exceptions: anything the upstream served that does not verify is a {@link
 * dev.tlog.mirror.verify.VerificationFailedException}; failures of the sources themselves propagate
 * unchanged.
 */
package dev.tlog.mirror.verify;
