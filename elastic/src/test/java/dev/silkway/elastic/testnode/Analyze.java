package dev.silkway.elastic.testnode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.AnalyzeRequest;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import co.elastic.clients.util.ObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/** The tokens that the node's {@code _analyze} API returns. */
public final class Analyze {

    private Analyze() {}

    public static List<String> tokens(
            ElasticsearchClient client, Function<AnalyzeRequest.Builder, ObjectBuilder<AnalyzeRequest>> request) {
        try {
            return client.indices().analyze(request).tokens().stream()
                    .map(AnalyzeToken::token)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> tokens(ElasticsearchClient client, String analyzer, String text) {
        return tokens(client, r -> r.analyzer(analyzer).text(text));
    }
}
