/**
 * The main class of the local Elasticsearch node: a single-node cluster on the loopback interface,
 * started from the server jars and the plugins in {@code modules/}, as the {@code elastic-node}
 * distribution lays them out.
 */
package dev.silkway.elastic.node;
