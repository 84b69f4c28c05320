package io.clssdk.producer.internal;

/**
 * The JMX view of a producer's metrics ({@code io.clssdk:type=ClsProducer,name=<id>}). Public only because JMX
 * requires it; not API.
 */
public interface ProducerStatsMXBean {
    long getAccepted();

    long getSucceeded();

    long getFailed();

    long getExpired();

    long getPending();

    long getRetries();

    long getRequests();

    long getRawBytes();

    long getCompressedBytes();

    int getBatchesInFlight();

    long getBufferUsedBytes();

    long getBufferFreeBytes();

    double getRequestLatencyMeanMs();

    double getRequestLatencyP99Ms();

    double getRequestLatencyMaxMs();

    long getSurrogatesReplaced();
}
