/**
 * The local Elasticsearch node as a child process: started from the {@code elastic-node}
 * distribution, watched until healthy, stopped by PID. Shared by the local stack and the tests.
 */
package dev.silkway.compose.elasticsearch;
