/** Runnable examples, the local demo and the benchmarks. */
package io.clssdk.examples;
