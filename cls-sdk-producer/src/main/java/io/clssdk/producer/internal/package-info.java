/**
 * Implementation of cls-sdk-producer. <b>Not API</b>: anything under {@code io.clssdk.producer.internal} may change
 * without notice.
 *
 * <p>Data path: {@code send()} → {@link io.clssdk.producer.internal.Accumulator} (find the partition) → encode into a
 * per-thread scratch → {@link io.clssdk.producer.internal.Partition} (append to the open
 * {@link io.clssdk.producer.internal.Batch} in a {@link io.clssdk.producer.internal.BufferPool} buffer) → sealed →
 * {@link io.clssdk.producer.internal.Sender} (linger, limits, ordering, retry timers) →
 * {@link io.clssdk.producer.internal.IoWorker} (compress, sign, upload, decide) →
 * {@link io.clssdk.producer.internal.Completer} (outcome exactly once; callbacks on the callback executor).
 */
package io.clssdk.producer.internal;
