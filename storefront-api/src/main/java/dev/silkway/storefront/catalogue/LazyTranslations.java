package dev.silkway.storefront.catalogue;

import dev.silkway.platform.translation.AttributeTranslation;
import dev.silkway.platform.translation.Language;
import dev.silkway.platform.translation.Translations;
import dev.silkway.platform.translation.Translator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * On the first view of a product page, its description and its SKUs' attribute values are translated into Russian
 * (through the translation memory) and stored. The page waits at most the configured deadline: past it, it answers
 * with the original text while the translation finishes in the background for the next view. Concurrent views of
 * one product share one translation; at most {@code in-flight} products are translated at once.
 */
@Component
@EnableConfigurationProperties(LazyTranslationProperties.class)
class LazyTranslations implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LazyTranslations.class);

    private final PageTexts texts;
    private final Translator translator;
    private final LazyTranslationProperties properties;
    private final Semaphore slots;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Long, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    LazyTranslations(PageTexts texts, Translator translator, LazyTranslationProperties properties) {
        this.texts = texts;
        this.translator = translator;
        this.properties = properties;
        this.slots = new Semaphore(properties.inFlight());
    }

    /** Translates what the product's page still lacks, waiting for it no longer than the deadline. */
    void ensure(long productId) {
        Optional<PageTexts.Pending> pending = texts.pending(productId);
        if (pending.isEmpty()) {
            return;
        }
        CompletableFuture<Void> task = running.get(productId);
        if (task == null) {
            task = start(pending.get());
            if (task == null) {
                return;
            }
        }
        try {
            task.get(properties.deadline().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            log.debug("Product {}: translation goes on after the page's deadline", productId);
        } catch (ExecutionException e) {
            log.warn(
                    "Product {}: translation failed: {}",
                    productId,
                    e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the product's translation, or joins the one running; null when every slot is taken. */
    private @Nullable CompletableFuture<Void> start(PageTexts.Pending pending) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> other = running.putIfAbsent(pending.productId(), mine);
        if (other != null) {
            return other;
        }
        if (!slots.tryAcquire()) {
            running.remove(pending.productId(), mine);
            return null;
        }
        executor.execute(() -> {
            try {
                translate(pending);
                mine.complete(null);
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            } finally {
                running.remove(pending.productId(), mine);
                slots.release();
            }
        });
        return mine;
    }

    private void translate(PageTexts.Pending pending) {
        String description = null;
        if (pending.description() != null) {
            String plain = PageTexts.plainText(pending.description());
            Translations ru = translator.translate(List.of(plain), Language.ofSource(plain), Language.RU);
            description = ru.of(plain);
        }
        Map<Long, String> attributes = new LinkedHashMap<>();
        pending.skus().forEach(sku -> attributes.put(sku.id(), sku.attributes()));
        AttributeTranslation.Result<Long> skus = AttributeTranslation.toRussian(translator, attributes);
        texts.save(pending, description, skus.inRussian());
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
