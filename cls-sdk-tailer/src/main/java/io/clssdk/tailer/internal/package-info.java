/**
 * Implementation of cls-sdk-tailer. <b>Not API</b>: anything under {@code io.clssdk.tailer.internal} may change or
 * disappear in any release, and never appears in a public signature.
 */
package io.clssdk.tailer.internal;
