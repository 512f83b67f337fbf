package dev.silkway.ingestion.probe;

import dev.silkway.storefront.probe.internal.StorefrontInternals;

/** An ingestion class that uses the storefront's code, for DeployableBoundariesTest. */
public class ReachesIntoTheStorefront {

    StorefrontInternals storefront = new StorefrontInternals();
}
