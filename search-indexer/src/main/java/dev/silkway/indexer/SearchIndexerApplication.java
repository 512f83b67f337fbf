package dev.silkway.indexer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Search indexer: product change events from the outbox into Elasticsearch, and full reindexing. */
@SpringBootApplication
public class SearchIndexerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SearchIndexerApplication.class, args);
    }
}
