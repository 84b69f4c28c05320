/**
 * Test fixtures for code that uses cls-sdk, shipped as {@code io.clssdk:cls-sdk-testing} (add it in test scope; it
 * brings everything the fixtures need).
 *
 * <ul>
 *   <li>{@link io.clssdk.core.testing.FakeClsServer}: a local CLS upload endpoint that verifies v1 signatures, tokens,
 *       headers and limits with its own code, decodes uploads with protobuf-java's generated classes, stores every log
 *       ({@link io.clssdk.core.testing.ReceivedLog}) and request ({@link io.clssdk.core.testing.ReceivedRequest}), and
 *       misbehaves on demand ({@link io.clssdk.core.testing.Fault}).
 *   <li>{@link io.clssdk.core.testing.FakeCloudApi}: a scripted Cloud API 3.0 endpoint for {@code ClsApiClient} that
 *       checks each request's TC3 signature with {@link io.clssdk.core.testing.Tc3Verifier}.
 * </ul>
 *
 * <p>The producer's in-memory double, {@code io.clssdk.producer.testing.InMemoryProducer}, ships in cls-sdk-producer
 * itself: it needs no network and no dependency beyond the producer.
 */
package io.clssdk.core.testing;
