/**
 * Implementation of cls-sdk-core. <b>Not API</b>: anything under {@code io.clssdk.core.internal} may change or
 * disappear in any release, and never appears in a public signature.
 */
package io.clssdk.core.internal;
