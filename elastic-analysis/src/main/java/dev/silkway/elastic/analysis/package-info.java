/**
 * An Elasticsearch analysis plugin for the local node: it registers Elastic's own names from the
 * unpublished {@code analysis-common} module (language analyzers, stemmers, synonyms, CJK bigrams,
 * folding, n-grams) on top of {@code lucene-analysis-common}, with the same parameter names and
 * defaults, so that one index definition works on the local node and on a real cluster alike.
 */
package dev.silkway.elastic.analysis;
