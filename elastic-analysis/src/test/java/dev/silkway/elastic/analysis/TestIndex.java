package dev.silkway.elastic.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.cluster.metadata.IndexMetadata;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.IndexVersion;
import org.elasticsearch.index.analysis.IndexAnalyzers;
import org.elasticsearch.indices.analysis.AnalysisModule;
import org.elasticsearch.plugins.scanners.StablePluginsRegistry;

/**
 * Builds an index's analyzers the way the node does (the server's analysis module with our plugin
 * added), without starting a node.
 */
final class TestIndex {

    static {
        // The server's static loggers need Elasticsearch's logging provider before its classes load.
        LogConfigurator.configureESLogging();
    }

    private final Path home;
    private final Settings.Builder settings = Settings.builder();

    private TestIndex(Path home) {
        this.home = home;
    }

    static TestIndex in(Path home) {
        return new TestIndex(home);
    }

    TestIndex with(String key, String value) {
        settings.put("index.analysis." + key, value);
        return this;
    }

    TestIndex withList(String key, String... values) {
        settings.putList("index.analysis." + key, values);
        return this;
    }

    Path configDir() {
        return home.resolve("config");
    }

    IndexAnalyzers analyzers() {
        Settings node = Settings.builder().put("path.home", home.toString()).build();
        try {
            AnalysisModule module = new AnalysisModule(
                    new Environment(node, configDir()),
                    List.of(new SilkwayAnalysisPlugin()),
                    new StablePluginsRegistry());
            IndexMetadata metadata = IndexMetadata.builder("test")
                    .settings(Settings.builder()
                            .put(IndexMetadata.SETTING_VERSION_CREATED, IndexVersion.current())
                            .put(IndexMetadata.SETTING_NUMBER_OF_SHARDS, 1)
                            .put(IndexMetadata.SETTING_NUMBER_OF_REPLICAS, 0)
                            .put(settings.build()))
                    .build();
            return module.getAnalysisRegistry()
                    .build(IndexCreationContext.CREATE_INDEX, new IndexSettings(metadata, node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> tokens(String analyzer, String text) {
        return tokens(analyzers().get(analyzer), text);
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("field", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
