/** The asynchronous batching producer. Work in progress: the API arrives with the producer issue. */
package io.clssdk.producer;
