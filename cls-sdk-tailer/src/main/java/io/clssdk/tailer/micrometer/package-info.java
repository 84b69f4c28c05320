/**
 * Micrometer meters for a tailer and its collection sources ({@link io.clssdk.tailer.micrometer.TailerMeters}).
 * Micrometer is an optional dependency of cls-sdk-tailer: add {@code io.micrometer:micrometer-core} to use this
 * package.
 */
package io.clssdk.tailer.micrometer;
