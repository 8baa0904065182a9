/** The tlog client library: verifying appender and reader over gRPC and HTTP tiles. */
package dev.tlog.client;
