package dev.silkway.sandbox.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.sandbox.catalogue.SandboxProperties;
import dev.silkway.sandbox.journey.JourneyEvent.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SandboxJourneysTest {

    static final Instant HANDED_OVER = Instant.parse("2026-12-01T08:00:00Z");
    static final double TIME_FACTOR = 1000;

    @Test
    void theSameParcelAndSeedGiveTheSameNumbersAndEventsInAnotherSandbox() {
        SandboxJourneys one = journeys(7, 1000);
        SandboxJourneys two = journeys(7, 1000);
        for (int i = 0; i < 200; i++) {
            Journey a = one.begin(start("p-" + i, "AIR", "sf-express", "cdek"));
            Journey b = two.begin(start("p-" + i, "AIR", "sf-express", "cdek"));
            assertThat(b).isEqualTo(a);
            for (Journey.Leg leg : a.legs()) {
                assertThat(two.eventsSeen(leg.trackNumber(), Instant.MAX))
                        .isEqualTo(one.eventsSeen(leg.trackNumber(), Instant.MAX));
            }
        }
    }

    @Test
    void anotherSeedGivesOtherNumbers() {
        Journey a = journeys(7, 10).begin(start("p-1", "AIR", "sf-express", "cdek"));
        Journey b = journeys(8, 10).begin(start("p-1", "AIR", "sf-express", "cdek"));
        assertThat(b.legs().getFirst().trackNumber())
                .isNotEqualTo(a.legs().getFirst().trackNumber());
    }

    @Test
    void beginningAParcelAgainGivesTheJourneyItAlreadyHas() {
        SandboxJourneys journeys = journeys(7, 10);
        Set<Journey> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 64)
                .parallel()
                .forEach(i -> seen.add(journeys.begin(start("same", "SEA", "china-ems", "cdek"))));
        assertThat(seen).hasSize(1);
        assertThat(journeys.size()).isEqualTo(1);
    }

    @Test
    void trackNumbersAreFormattedAsEachCarriersAre() {
        SandboxJourneys journeys = journeys(7, 1000);
        for (int i = 0; i < 300; i++) {
            Journey sf = journeys.begin(start("sf-" + i, "EXPRESS", "sf-express", "cdek"));
            Journey ems = journeys.begin(start("ems-" + i, "AIR", "china-ems", "russian-post"));
            assertThat(sf.legs().get(0).trackNumber()).matches("SF[1-9]\\d{12}");
            assertThat(sf.legs().get(1).trackNumber()).matches("[1-9]\\d{9}");
            String s10 = ems.legs().get(0).trackNumber();
            assertThat(s10).matches("E[A-Z]\\d{9}CN");
            assertThat(s10.charAt(10) - '0').isEqualTo(TrackNumbers.s10Check(s10.substring(2, 10)));
            String rpo = ems.legs().get(1).trackNumber();
            assertThat(rpo).matches("\\d{14}");
            assertThat(rpo.charAt(13) - '0').isEqualTo(TrackNumbers.russianPostCheck(rpo.substring(0, 13)));
        }
        assertThat(TrackNumbers.s10Check("47312482")).as("RR473124829GB").isEqualTo(9);
    }

    @Test
    void everyJourneyEndsDeliveredLostOrReturnedWithinItsMethodsDaysDividedByTheTimeFactor() {
        SandboxJourneys journeys = journeys(20260101, 10_000);
        Map<Stage, Integer> endings = new EnumMap<>(Stage.class);
        int held = 0;
        int failedAttempts = 0;
        for (String method : List.of("EXPRESS", "AIR", "SEA")) {
            double maxDays = Map.of("EXPRESS", 8.0, "AIR", 15.0, "SEA", 50.0).get(method);
            for (int i = 0; i < 1000; i++) {
                Journey journey = journeys.begin(start(method + "-" + i, method, "sf-express", "cdek"));
                List<JourneyEvent> line =
                        journeys.eventsSeen(journey.legs().get(0).trackNumber(), Instant.MAX);
                List<JourneyEvent> lastMile =
                        journeys.eventsSeen(journey.legs().get(1).trackNumber(), Instant.MAX);
                List<JourneyEvent> all = new ArrayList<>(line);
                all.addAll(lastMile);
                assertThat(line).isSortedAccordingTo(java.util.Comparator.comparing(JourneyEvent::at));
                assertThat(lastMile).isSortedAccordingTo(java.util.Comparator.comparing(JourneyEvent::at));
                assertThat(line.getFirst().stage()).isEqualTo(Stage.INFO_RECEIVED);
                JourneyEvent last = all.stream()
                        .max(java.util.Comparator.comparing(JourneyEvent::at))
                        .orElseThrow();
                endings.merge(last.stage(), 1, Integer::sum);
                assertThat(Duration.between(HANDED_OVER, last.at()))
                        .isLessThanOrEqualTo(Duration.ofMillis((long) (maxDays * 1.3 * 86_400_000 / TIME_FACTOR)));
                held += (int) line.stream()
                        .filter(e -> e.stage() == Stage.CUSTOMS_HELD)
                        .count();
                failedAttempts += (int) lastMile.stream()
                        .filter(e -> e.stage() == Stage.DELIVERY_FAILED)
                        .count();
            }
        }
        assertThat(endings.keySet()).containsExactlyInAnyOrder(Stage.DELIVERED, Stage.LOST, Stage.RETURNED_BY_CUSTOMS);
        assertThat(endings.get(Stage.DELIVERED)).isGreaterThan(2800);
        assertThat(endings.get(Stage.LOST)).isBetween(20, 120);
        assertThat(held).isBetween(250, 500);
        assertThat(failedAttempts).isBetween(100, 400);
    }

    @Test
    void eventsSeenAreThoseThatHappenedByNow() {
        SandboxJourneys journeys = journeys(7, 10);
        Journey journey = journeys.begin(start("p", "AIR", "china-ems", "cdek"));
        String line = journey.legs().getFirst().trackNumber();
        List<JourneyEvent> all = journeys.eventsSeen(line, Instant.MAX);
        Instant middle = all.get(3).at();

        assertThat(journeys.eventsSeen(line, HANDED_OVER.minusSeconds(1))).isEmpty();
        assertThat(journeys.eventsSeen(line, middle)).isEqualTo(all.subList(0, 4));
        assertThat(journeys.eventsSeen("unknown", Instant.MAX)).isEmpty();
    }

    @Test
    void keepsAtMostItsCapacityForgettingTheOldestJourneys() {
        SandboxJourneys journeys = journeys(7, 100_000);
        List<Journey> begun = new ArrayList<>();
        for (int i = 0; i < 100_050; i++) {
            begun.add(journeys.begin(start("p-" + i, "AIR", "sf-express", i % 2 == 0 ? "cdek" : "russian-post")));
        }
        assertThat(journeys.size()).isEqualTo(100_000);
        assertThat(journeys.find(begun.getFirst().legs().getFirst().trackNumber()))
                .isEmpty();
        assertThat(journeys.find(begun.get(49).legs().get(1).trackNumber())).isEmpty();
        assertThat(journeys.find(begun.get(50).legs().get(1).trackNumber())).contains(begun.get(50));
        assertThat(journeys.find(begun.getLast().legs().getFirst().trackNumber()))
                .contains(begun.getLast());
    }

    static SandboxJourneys journeys(long seed, int capacity) {
        SandboxProperties sandbox = new SandboxProperties(
                seed,
                10,
                1L,
                50,
                SandboxProperties.FaultRates.none(),
                new SandboxProperties.Platforms(null, null, null, null, null));
        return new SandboxJourneys(sandbox, new JourneyProperties(TIME_FACTOR, capacity));
    }

    static JourneyStart start(String parcel, String method, String line, String lastMile) {
        return new JourneyStart(parcel, method, "RU", line, lastMile, HANDED_OVER);
    }
}
