/**
 * The asynchronous batching producer: {@link io.clssdk.producer.ClsProducer} with its
 * {@link io.clssdk.producer.ProducerOptions}, and the outcome types {@link io.clssdk.producer.SendResult},
 * {@link io.clssdk.producer.Attempt}, {@link io.clssdk.producer.SendCallback} and
 * {@link io.clssdk.producer.ProducerMetrics}.
 */
package io.clssdk.producer;
