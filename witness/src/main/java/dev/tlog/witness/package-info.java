/** The tlog witness: a C2SP tlog-witness server. Depends on the merkle library only. */
package dev.tlog.witness;
