/**
 * Integration: turning a sequenced batch into durable tree, chain and entry state plus a signed
 * checkpoint. Confined to the writer thread; see {@link dev.tlog.server.integrate.Integrator}.
 */
package dev.tlog.server.integrate;
