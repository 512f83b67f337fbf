package dev.silkway.ingestion.feed;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every feed by code: the built-in connectors first, then the declared generic-JSON feeds. */
@Component
public class Feeds {

    private final Map<String, MarketplaceFeed> builtIn;
    private final DeclaredFeeds declared;

    Feeds(List<MarketplaceFeed> builtIn, DeclaredFeeds declared) {
        this.builtIn = builtIn.stream().collect(Collectors.toMap(MarketplaceFeed::code, Function.identity()));
        this.declared = declared;
    }

    public FeedSource require(String code) {
        FeedSource feed = builtIn.get(code);
        if (feed != null) {
            return feed;
        }
        return declared.find(code).orElseThrow(() -> new IllegalArgumentException("No feed " + code));
    }

    public boolean isBuiltIn(String code) {
        return builtIn.containsKey(code);
    }
}
