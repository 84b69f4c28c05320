/**
 * Test doubles for code that uses the producer: {@link io.clssdk.producer.testing.InMemoryProducer} records what
 * would have been sent and completes each log at once, successfully or with a scripted failure.
 */
package io.clssdk.producer.testing;
