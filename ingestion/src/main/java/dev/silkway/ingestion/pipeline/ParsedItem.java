package dev.silkway.ingestion.pipeline;

import dev.silkway.ingestion.catalogue.CatalogueOffer;
import dev.silkway.ingestion.marketplace.offer.ParseOutcome;

/** A raw record read back from the raw topic and what its feed's parser made of it. */
record ParsedItem(RawItem raw, ParseOutcome<CatalogueOffer> parsed) {}
