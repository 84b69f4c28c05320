/**
 * Implementation of {@link io.clssdk.core.api.ClsApiClient}: JSON mapping, signing and sending, retries and paging.
 * <b>Not API</b>: may change in any release and never appears in a public signature.
 */
package io.clssdk.core.internal.api;
