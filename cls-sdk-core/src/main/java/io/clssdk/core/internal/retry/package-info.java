/**
 * The one backoff computation shared by the Cloud API client and the producer. <b>Not API</b>: may change in any
 * release.
 */
package io.clssdk.core.internal.retry;
