package dev.silkway.sandbox.journey;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sandbox-only: {@code POST /sandbox/journeys} starts many journeys at once (benchmarks, tests) and returns their
 * track numbers; {@code GET /sandbox/journeys/{trackNumber}} shows a journey and the events of that leg seen so far;
 * {@code GET|DELETE /sandbox/carriers/calls} reads or resets the requests each carrier simulator received per second.
 */
@RestController
class JourneysController {

    static final int MAX_BULK = 100_000;
    private static final List<String> LINES = List.of("sf-express", "china-ems");
    private static final List<String> LAST_MILES = List.of("cdek", "russian-post");
    private static final List<String> METHODS = List.of("AIR", "EXPRESS", "SEA");

    private final SandboxJourneys journeys;
    private final CarrierCalls calls;
    private final Clock clock;

    JourneysController(SandboxJourneys journeys, CarrierCalls calls, Clock clock) {
        this.journeys = journeys;
        this.calls = calls;
        this.clock = clock;
    }

    /**
     * {@code count} journeys with parcel ids {@code prefix-0 … prefix-(count-1)}; a field left out is mixed over the
     * parcels (methods AIR/EXPRESS/SEA, lines sf-express/china-ems, last miles cdek/russian-post, country RU).
     */
    record Bulk(
            int count,
            @Nullable String prefix,
            @Nullable String method,
            @Nullable String destinationCountry,
            @Nullable String lineCarrier,
            @Nullable String lastMileCarrier,
            @Nullable Instant handedOverAt) {}

    record Started(int count, List<Parcel> parcels) {}

    record Parcel(String parcelId, List<Journey.Leg> legs) {}

    record Seen(Journey journey, List<JourneyEvent> events, int eventsToCome) {}

    @PostMapping("/sandbox/journeys")
    ResponseEntity<?> start(@RequestBody Bulk bulk) {
        if (bulk.count() < 1 || bulk.count() > MAX_BULK) {
            return ResponseEntity.badRequest().body(Map.of("error", "count must be 1.." + MAX_BULK));
        }
        String prefix = bulk.prefix() != null ? bulk.prefix() : "bulk-" + clock.millis();
        Instant at = bulk.handedOverAt() != null ? bulk.handedOverAt() : clock.instant();
        List<Parcel> started = new ArrayList<>(bulk.count());
        try {
            for (int i = 0; i < bulk.count(); i++) {
                Journey journey = journeys.begin(new JourneyStart(
                        prefix + "-" + i,
                        or(bulk.method(), METHODS, i),
                        bulk.destinationCountry() != null ? bulk.destinationCountry() : "RU",
                        or(bulk.lineCarrier(), LINES, i),
                        or(bulk.lastMileCarrier(), LAST_MILES, i / LINES.size()),
                        at));
                started.add(new Parcel(journey.parcelId(), journey.legs()));
            }
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(new Started(started.size(), started));
    }

    @GetMapping("/sandbox/journeys/{trackNumber}")
    ResponseEntity<Seen> show(@PathVariable String trackNumber) {
        return journeys.find(trackNumber)
                .map(journey -> {
                    List<JourneyEvent> seen = journeys.eventsSeen(trackNumber, clock.instant());
                    int all = journeys.allEvents(journey, trackNumber).size();
                    return ResponseEntity.ok(new Seen(journey, seen, all - seen.size()));
                })
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/sandbox/carriers/calls")
    Map<String, CarrierCalls.Usage> calls(@RequestParam(defaultValue = "0") long since) {
        return calls.since(since);
    }

    @DeleteMapping("/sandbox/carriers/calls")
    ResponseEntity<Void> resetCalls() {
        calls.reset();
        return ResponseEntity.noContent().build();
    }

    private static String or(@Nullable String given, List<String> mix, int i) {
        return given != null ? given : mix.get(i % mix.size());
    }
}
