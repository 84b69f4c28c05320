/** Embeddable file collection. Work in progress: the API arrives with the tailer issues. */
package io.clssdk.tailer;
