/**
 * The seam between cls-sdk's own modules: what the producer and the tailer need from core (the injected clock, the
 * wire encoders and limits, compression codecs, the upload path, backoff, argument checks and the SDK version).
 *
 * <p><b>For cls-sdk's own modules only; no compatibility promise to applications.</b> These types are public because
 * Java 8 has no module system to export them to named modules only; they may change in any release together with the
 * producer and tailer of the same version. Applications use {@code io.clssdk.core} (and {@code io.clssdk.core.api}).
 * Everything else in core lives under {@code io.clssdk.core.internal}, which no other module may import (checked by
 * each module's {@code ArchitectureTest}).
 */
package io.clssdk.core.spi;
