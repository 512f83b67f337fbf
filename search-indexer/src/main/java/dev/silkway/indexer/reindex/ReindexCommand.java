package dev.silkway.indexer.reindex;

import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar search-indexer.jar --reindex}: runs one full reindex, prints its outcome and exits
 * (status 0 when the alias was swapped).
 */
@Component
class ReindexCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReindexCommand.class);

    private final Reindexer reindexer;
    private final ConfigurableApplicationContext context;

    ReindexCommand(Reindexer reindexer, ConfigurableApplicationContext context) {
        this.reindexer = reindexer;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException, ExecutionException {
        if (!args.containsOption("reindex")) {
            return;
        }
        var started = reindexer.start().orElseThrow(() -> new IllegalStateException("A reindex is already running"));
        started.completion().get();
        ReindexRun run = reindexer.find(started.run().id()).orElseThrow();
        log.info(
                "Reindex {}: {} into {}, {} products, {} failed",
                run.id(),
                run.status(),
                run.targetIndex(),
                run.indexedCount(),
                run.failedCount());
        int code = "SWAPPED".equals(run.status()) ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
