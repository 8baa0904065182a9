/**
 * The mirror's durable state in one LMDB environment under the data directory: the verified
 * objects, the served checkpoint, and fork evidence once a fork is proven (spec/mirror.md,
 * "Storage").
 *
 * <p>Threading: any thread may read; writes come from the follow loop's single thread and are in
 * any case serialized by LMDB's single write transaction. Exceptions: lmdbjava exceptions never
 * escape; they become {@link dev.tlog.mirror.store.StoreException}.
 */
package dev.tlog.mirror.store;
