/**
 * Not API: support for cls-sdk's own tests, which may change in any release. {@link
 * io.clssdk.core.testing.internal.FakeClock} drives the SDK's internal clock, which no public builder accepts.
 */
package io.clssdk.core.testing.internal;
