/**
 * The standalone collector: {@code java -jar cls-collector.jar --config collection.json --checkpoints DIR} (or
 * {@code --machine-group <GroupId> --region <r>}) runs CLS collection configurations the way LogListener does, with
 * one {@link io.clssdk.tailer.Tailer} per configuration and one shared {@link io.clssdk.producer.ClsProducer}. An
 * application, not a library API: its only public type is the entry point {@link
 * io.clssdk.tailer.collector.CollectorMain}, which needs picocli (an optional dependency of cls-sdk-tailer, bundled in
 * {@code cls-collector.jar}). See the README section "Running the collector".
 */
package io.clssdk.tailer.collector;
