/**
 * The product search index: its versioned definition (settings with Russian, Chinese and English
 * analysis, mappings) behind the {@code products} alias.
 */
package dev.silkway.elastic.product;
