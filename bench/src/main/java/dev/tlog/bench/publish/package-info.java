/**
 * The publishing ceiling: how fast the real log server gets a growing log into an S3-compatible
 * bucket (spec/scaling.md, "Publishing to object storage"), against the PUT rate the same bucket
 * takes from one client in the same run. {@link dev.tlog.bench.publish.S3Server} runs S3Proxy in
 * this JVM on files under the work directory and counts every object stored through it; {@link
 * dev.tlog.bench.publish.BucketProbe} reads the bucket's tree size from the server's {@code
 * /metrics}; {@link dev.tlog.bench.publish.PublishRun} drives the step.
 *
 * <p>Figure names: {@code raw.s3.put.tile}, {@code raw.s3.put.bundle}, {@code
 * raw.s3.put.tile.after} (objects/s), {@code publish.s3.append}, {@code publish.s3.entries}, {@code
 * publish.s3.entries.uploaded}, {@code publish.s3.entries.overall} (entries/s), {@code
 * publish.s3.objects}, {@code publish.s3.objects.catchup} (objects/s), {@code
 * publish.s3.lag_at_stop} (entries), {@code publish.s3.catchup_seconds} (s).
 *
 * <p>Threading: {@link dev.tlog.bench.publish.PublishRun#run} runs on the calling thread plus the
 * load callers and one metrics sampler it starts and joins. S3Proxy runs its own Jetty threads
 * until closed. Failures to start either server escape as unchecked exceptions; failures while the
 * log runs are reported and make {@code run} return false.
 */
package dev.tlog.bench.publish;
