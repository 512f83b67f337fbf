package dev.silkway.ingestion.translate;

import dev.silkway.ingestion.catalogue.StepStats;
import dev.silkway.platform.translation.Language;
import dev.silkway.platform.translation.Translations;
import dev.silkway.platform.translation.Translator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The {@code translate} step: one page of the feed's untranslated products per call, in the step's transaction,
 * remembering the last product id in the step's ExecutionContext (a restart goes on from there). It translates the
 * feed's new marketplace category names first. When the translator stops short (the daily budget, the provider
 * failing) the step ends COMPLETED with the operator's message as its exit description: the products keep their
 * original titles, stay searchable by them, and the next run of the feed takes them up again.
 */
public class TranslateTasklet implements Tasklet {

    static final String AFTER_ID = "translate.afterId";
    static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(TranslateTasklet.class);

    private final PendingProducts pending;
    private final CatalogueTranslation translation;
    private final Translator translator;
    private final StepStats stats;
    private final String feed;
    private boolean categoriesDone;

    TranslateTasklet(
            PendingProducts pending,
            CatalogueTranslation translation,
            Translator translator,
            StepStats stats,
            String feed) {
        this.pending = pending;
        this.translation = translation;
        this.translator = translator;
        this.stats = stats;
        this.feed = feed;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        if (!categoriesDone) {
            translateCategories();
            categoriesDone = true;
        }
        long afterId = step.getExecutionContext().getLong(AFTER_ID, 0L);
        List<PendingProducts.Product> page = pending.after(feed, afterId, PAGE);
        if (page.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        List<PendingProducts.Sku> skus =
                pending.skusOf(page.stream().map(PendingProducts.Product::id).toList());
        CatalogueTranslation.Result result = translation.translate(page, skus);
        int changed = pending.saveTitles(feed, result.titles());
        pending.saveSkuAttributes(result.skuAttributes());
        contribution.incrementReadCount();
        contribution.incrementWriteCount(changed);
        stats.add(step.getJobExecutionId(), step.getStepName(), feed, page.size(), changed, page.size() - changed, 0);
        step.getExecutionContext().putLong(AFTER_ID, page.getLast().id());
        if (result.shortfall() != null) {
            stopShort(contribution, result.shortfall());
            return RepeatStatus.FINISHED;
        }
        return page.size() < PAGE ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }

    private void translateCategories() {
        List<PendingProducts.Category> categories = pending.untranslatedCategories(feed);
        List<String> names =
                categories.stream().map(PendingProducts.Category::name).toList();
        Translations ru = translator.translate(names, Language.ZH, Language.RU);
        Translations en = translator.translate(names, Language.ZH, Language.EN);
        for (PendingProducts.Category c : categories) {
            if (ru.of(c.name()) != null || en.of(c.name()) != null) {
                pending.saveCategoryName(c.id(), ru.of(c.name()), en.of(c.name()));
            }
        }
    }

    private void stopShort(StepContribution contribution, Translations.Shortfall shortfall) {
        String message =
                "Translation of " + feed + " stopped short (" + shortfall.reason() + "): " + shortfall.message();
        log.warn(message);
        contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(message));
    }
}
