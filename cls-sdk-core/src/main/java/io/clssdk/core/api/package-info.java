/**
 * The CLS Cloud API 3.0 client: {@link io.clssdk.core.api.ClsApiClient} and its immutable request and response
 * models (logsets, topics, index, machine groups, collection configurations, SearchLog). Member names follow the API's
 * JSON. {@link io.clssdk.core.api.CollectionConfig} is also the configuration the embeddable tailer runs.
 */
package io.clssdk.core.api;
