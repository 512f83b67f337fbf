package dev.silkway.sandbox.journey;

import dev.silkway.sandbox.catalogue.Hashing;
import dev.silkway.sandbox.journey.JourneyEvent.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A journey's events on both legs, generated from the seed and the parcel id alone (so nothing but the start is
 * stored): China first mile, export customs, the line's departure, arrival in the destination country, import
 * customs (about one parcel in eight held for documents, about one in seven of those then returned), the hand-over to the last mile, its sorting centres, pickup point or courier with failed attempts, and
 * delivery; about one parcel in fifty is lost on the way. Timings are simulated hours divided by the time factor.
 */
record JourneyTimeline(List<JourneyEvent> line, List<JourneyEvent> lastMile) {

    private static final String[] ORIGINS = {"Shenzhen", "Guangzhou", "Yiwu", "Shanghai", "Hangzhou", "Dongguan"};
    private static final Map<String, String[]> CITIES = Map.of(
            "RU", new String[] {"Moscow", "Saint Petersburg", "Novosibirsk", "Yekaterinburg", "Kazan", "Krasnodar"},
            "KZ", new String[] {"Almaty", "Astana", "Shymkent"},
            "BY", new String[] {"Minsk", "Gomel", "Brest"});

    static JourneyTimeline of(Journey journey, long seed, double timeFactor) {
        return new Builder(journey, seed, timeFactor).build();
    }

    /** The events of the leg with this track number (the line's or the last mile's). */
    List<JourneyEvent> leg(String trackNumber, Journey journey) {
        return journey.legs().getFirst().trackNumber().equals(trackNumber) ? line : lastMile;
    }

    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    private static final class Builder {
        private final Journey journey;
        private final JourneyStart start;
        private final double timeFactor;
        private final SplittableRandom random;
        private final List<JourneyEvent> line = new ArrayList<>();
        private final List<JourneyEvent> lastMile = new ArrayList<>();
        private final double total;
        private double hours;

        Builder(Journey journey, long seed, double timeFactor) {
            this.journey = journey;
            this.start = journey.start();
            this.timeFactor = timeFactor;
            this.random = new SplittableRandom(Hashing.mix(seed, hash(journey.parcelId()), 0x6a6f75726e6579L));
            double[] days = switch (start.method()) {
                case "EXPRESS" -> new double[] {4, 8};
                case "SEA" -> new double[] {30, 50};
                default -> new double[] {7, 15};
            };
            this.total = 24 * (days[0] + random.nextDouble() * (days[1] - days[0]));
        }

        JourneyTimeline build() {
            String origin = pick(ORIGINS);
            String[] cities = CITIES.getOrDefault(start.destinationCountry(), CITIES.get("RU"));
            String entry = entryPoint(cities);
            String destination = pick(cities);
            firstMile(origin);
            if (random.nextDouble() < 0.01) {
                step(line, 0.25, Stage.LOST, origin, "Parcel lost in transit, investigation closed");
                return done();
            }
            step(line, transitShare(), Stage.ARRIVED_DESTINATION_COUNTRY, entry, "Arrived in the destination country");
            lastMile.add(event(hours + 1, Stage.INFO_RECEIVED, entry, "Shipment information received"));
            step(line, 0.03, Stage.IMPORT_CUSTOMS, entry, "Import customs clearance started");
            if (!customs(entry)) {
                return done();
            }
            hours += 2 + random.nextDouble() * 4;
            String handOver = "Handed over to the last-mile carrier, track "
                    + journey.legs().get(1).trackNumber();
            line.add(event(hours, Stage.HANDED_TO_LAST_MILE, entry, handOver));
            lastMile.add(event(hours, Stage.HANDED_TO_LAST_MILE, entry, "Accepted from the international line"));
            step(lastMile, 0.06, Stage.ARRIVED_SORTING_CENTRE, entry, "Arrived at the sorting centre");
            if (random.nextDouble() < 0.01) {
                step(lastMile, 0.2, Stage.LOST, entry, "Parcel lost, investigation closed");
                return done();
            }
            step(lastMile, 0.07, Stage.ARRIVED_SORTING_CENTRE, destination, "Arrived at the destination city");
            delivery(destination);
            return done();
        }

        private void firstMile(String origin) {
            line.add(event(0, Stage.INFO_RECEIVED, origin, "Shipment information received"));
            hours = 2 + random.nextDouble() * 6;
            line.add(event(hours, Stage.PICKED_UP, origin, "Picked up from the warehouse"));
            step(line, 0.05, Stage.DEPARTED_ORIGIN, origin, "Departed the origin facility");
            String port = start.method().equals("SEA") ? "Ningbo" : "Guangzhou";
            step(line, 0.07, Stage.EXPORT_CUSTOMS, port, "Export customs clearance completed");
            String departure = start.method().equals("SEA") ? "Vessel departed" : "Departed on the line's flight";
            step(line, 0.04, Stage.LINE_DEPARTED, port, departure);
        }

        /** Import customs: usually released; sometimes held for documents, then released or (rarely) returned. */
        private boolean customs(String entry) {
            if (random.nextDouble() < 0.12) {
                step(line, 0.05, Stage.CUSTOMS_HELD, entry, "Held by customs: passport and invoice requested");
                if (random.nextDouble() < 0.15) {
                    step(line, 0.08, Stage.RETURNED_BY_CUSTOMS, entry, "Refused by customs, returned to sender");
                    return false;
                }
                step(line, 0.06, Stage.CUSTOMS_RELEASED, entry, "Released by customs");
                return true;
            }
            step(line, 0.04, Stage.CUSTOMS_RELEASED, entry, "Released by customs");
            return true;
        }

        private void delivery(String destination) {
            if (random.nextBoolean()) {
                step(lastMile, 0.05, Stage.AVAILABLE_FOR_PICKUP, destination, "Arrived at the pickup point");
                step(lastMile, 0.06, Stage.DELIVERED, destination, "Received by the addressee at the pickup point");
                return;
            }
            step(lastMile, 0.05, Stage.OUT_FOR_DELIVERY, destination, "Out for delivery with the courier");
            if (random.nextDouble() < 0.15) {
                hours += 3 + random.nextDouble() * 5;
                lastMile.add(event(hours, Stage.DELIVERY_FAILED, destination, "Delivery failed: addressee absent"));
                hours += 14 + random.nextDouble() * 10;
                lastMile.add(event(hours, Stage.OUT_FOR_DELIVERY, destination, "Out for delivery with the courier"));
            }
            hours += 2 + random.nextDouble() * 6;
            lastMile.add(event(hours, Stage.DELIVERED, destination, "Delivered to the addressee"));
        }

        private double transitShare() {
            return switch (start.method()) {
                case "SEA" -> 0.55;
                case "EXPRESS" -> 0.15;
                default -> 0.3;
            };
        }

        private String entryPoint(String[] cities) {
            return start.method().equals("SEA") && start.destinationCountry().equals("RU") ? "Vladivostok" : cities[0];
        }

        /** Advances by a share of the journey (±30%) and adds the event there. */
        private void step(List<JourneyEvent> leg, double share, Stage stage, String location, String detail) {
            hours += total * share * (0.7 + random.nextDouble() * 0.6);
            leg.add(event(hours, stage, location, detail));
        }

        private JourneyEvent event(double atHours, Stage stage, String location, String detail) {
            long millis = Math.round(atHours * 3_600_000 / timeFactor);
            Instant at = start.handedOverAt().plusMillis(millis);
            return new JourneyEvent(at, stage, location, detail);
        }

        private String pick(String[] options) {
            return options[random.nextInt(options.length)];
        }

        private JourneyTimeline done() {
            return new JourneyTimeline(List.copyOf(line), List.copyOf(lastMile));
        }
    }
}
