/**
 * The public API of cls-sdk-core: the log model ({@link io.clssdk.core.LogRecord}, {@link io.clssdk.core.LogGroup}),
 * credentials, endpoints, HTTP options, the synchronous upload client ({@link io.clssdk.core.ClsClient}) and the
 * exception hierarchy rooted at {@link io.clssdk.core.ClsException}.
 *
 * <p>Everything under {@code io.clssdk.core.internal} is implementation and may change without notice.
 */
package io.clssdk.core;
