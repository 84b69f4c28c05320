/**
 * The embeddable file tailer: {@link io.clssdk.tailer.Tailer} follows the files of one or more
 * {@link io.clssdk.tailer.TailSource}s with CLS LogListener semantics (path rules, rotation, Backtracking, checkpoints)
 * and hands their lines to {@link io.clssdk.tailer.TailSink}s as {@link io.clssdk.tailer.LineChunk}s, committing
 * offsets only for acknowledged lines.
 *
 * <p>Everything under {@code io.clssdk.tailer.internal} is implementation and may change without notice.
 */
package io.clssdk.tailer;
