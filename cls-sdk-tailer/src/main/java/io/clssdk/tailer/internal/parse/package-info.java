/**
 * The parsing layer of the tailer: turns raw lines read from files into the logs LogListener would produce for a
 * collection configuration ({@code LogType}, {@code ExtractRule}, {@code AdvancedConfig}). <b>Not API.</b>
 *
 * <p>{@link io.clssdk.tailer.internal.parse.LinePipelines#create} validates a configuration once into a
 * {@link io.clssdk.tailer.internal.parse.PipelineFactory}, which makes one
 * {@link io.clssdk.tailer.internal.parse.LinePipeline} per followed file. A pipeline emits each log as a reused
 * {@link io.clssdk.tailer.internal.parse.ParsedLog} to a {@link io.clssdk.tailer.internal.parse.LogOutput}; values are
 * byte ranges of valid UTF-8, pointing into the read buffer where possible (no copy, no String).
 */
package io.clssdk.tailer.internal.parse;
