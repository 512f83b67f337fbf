package dev.silkway.tracking.carrier;

/** A track number and the carrier (carriers.code) it belongs to. */
public record TrackedNumber(String carrierCode, String trackNumber) {}
