/**
 * The seam between the producer and cls-sdk's other modules: the tailer's path into a producer, a stream of
 * already-encoded logs per followed file ({@link io.clssdk.producer.spi.LogStreams}).
 *
 * <p><b>For cls-sdk's own modules only; no compatibility promise to applications.</b> These types are public because
 * Java 8 cannot export a package to named modules only; they may change in any release together with the tailer of the
 * same version. Applications use {@code io.clssdk.producer}. Nothing outside the producer may import
 * {@code io.clssdk.producer.internal} (checked by the tailer's and the examples' {@code ArchitectureTest}).
 */
package io.clssdk.producer.spi;
