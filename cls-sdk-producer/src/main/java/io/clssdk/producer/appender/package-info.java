/**
 * Appenders that ship an application's log events to CLS through a {@link io.clssdk.producer.ClsProducer}:
 * {@link io.clssdk.producer.appender.ClsLogbackAppender} for logback and
 * {@link io.clssdk.producer.appender.ClsLog4j2Appender} (plugin {@code Cls}) for log4j2. Both are configured from the
 * framework's XML file and need that framework on the class path (an optional dependency of this module); the one not
 * used is never loaded. Only {@code io.clssdk.producer} and {@code io.clssdk.core} are used from this SDK.
 */
package io.clssdk.producer.appender;
