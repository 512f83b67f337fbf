package dev.silkway.sandbox.journey;

import java.time.Instant;

/**
 * A parcel handed over to a line: method AIR, SEA or EXPRESS; destination country RU, KZ or BY;
 * lineCarrier the international carrier (carriers.code, e.g. sf-express, china-ems); lastMileCarrier
 * cdek or russian-post.
 */
public record JourneyStart(
        String parcelId,
        String method,
        String destinationCountry,
        String lineCarrier,
        String lastMileCarrier,
        Instant handedOverAt) {}
