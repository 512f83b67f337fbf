package dev.silkway.storefront.probe.internal;

/** A class of another application's feature internals, for DeployableBoundariesTest. */
public class StorefrontInternals {}
