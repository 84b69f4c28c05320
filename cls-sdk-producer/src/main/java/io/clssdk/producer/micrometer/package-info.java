/**
 * Micrometer meters for a producer ({@link io.clssdk.producer.micrometer.ClsProducerMeters}). Micrometer is an
 * optional dependency of cls-sdk-producer: add {@code io.micrometer:micrometer-core} to use this package.
 */
package io.clssdk.producer.micrometer;
