/**
 * The witness's unchecked exception hierarchy, rooted at {@link
 * dev.tlog.witness.errors.WitnessException}: one subclass per HTTP outcome (400, 403, 404, 409,
 * 422, 500). Only {@code dev.tlog.witness.http.HttpErrors} turns them into statuses.
 */
package dev.tlog.witness.errors;
