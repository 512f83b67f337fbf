package dev.silkway.sandbox.track17;

import dev.silkway.sandbox.carriers.CarrierClocks;
import dev.silkway.sandbox.journey.JourneyEvent;
import dev.silkway.sandbox.journey.JourneyEvent.Stage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A journey told as 17TRACK tells it: {@code track_info} with {@code latest_status}, {@code latest_event},
 * {@code milestone} and one provider's events (newest first), each event with its status, sub-status and stage.
 */
final class Track17Words {

    /** Journey stage → 17TRACK sub-status (its main status is the part before the underscore) and stage. */
    private static final Map<Stage, String[]> CODES = Map.ofEntries(
            Map.entry(Stage.INFO_RECEIVED, new String[] {"InfoReceived", "InfoReceived"}),
            Map.entry(Stage.PICKED_UP, new String[] {"InTransit_PickedUp", "PickedUp"}),
            Map.entry(Stage.DEPARTED_ORIGIN, new String[] {"InTransit_Departure", "Departure"}),
            Map.entry(Stage.EXPORT_CUSTOMS, new String[] {"InTransit_Other", ""}),
            Map.entry(Stage.LINE_DEPARTED, new String[] {"InTransit_Departure", "Departure"}),
            Map.entry(Stage.ARRIVED_DESTINATION_COUNTRY, new String[] {"InTransit_Arrival", "Arrival"}),
            Map.entry(Stage.IMPORT_CUSTOMS, new String[] {"InTransit_CustomsProcessing", ""}),
            Map.entry(Stage.CUSTOMS_HELD, new String[] {"InTransit_CustomsRequiringInformation", ""}),
            Map.entry(Stage.CUSTOMS_RELEASED, new String[] {"InTransit_CustomsReleased", ""}),
            Map.entry(Stage.RETURNED_BY_CUSTOMS, new String[] {"Exception_Returning", "Returning"}),
            Map.entry(Stage.HANDED_TO_LAST_MILE, new String[] {"InTransit_Other", ""}),
            Map.entry(Stage.ARRIVED_SORTING_CENTRE, new String[] {"InTransit_Other", ""}),
            Map.entry(Stage.OUT_FOR_DELIVERY, new String[] {"OutForDelivery_Other", "OutForDelivery"}),
            Map.entry(Stage.AVAILABLE_FOR_PICKUP, new String[] {"AvailableForPickup_Other", "AvailableForPickup"}),
            Map.entry(Stage.DELIVERY_FAILED, new String[] {"DeliveryFailure_NoBody", ""}),
            Map.entry(Stage.DELIVERED, new String[] {"Delivered_Other", "Delivered"}),
            Map.entry(Stage.LOST, new String[] {"Exception_Lost", ""}));

    /** 17TRACK's numeric carrier keys of the sandbox's carriers (⚠ as the sandbox numbers them). */
    static final Map<String, Integer> CARRIER_KEYS = Map.of(
            "china-post", 3011,
            "china-ems", 3013,
            "sf-express", 100012,
            "cdek", 100035,
            "russian-post", 21051,
            "zto", 190456,
            "yto", 190008,
            "sto", 190094,
            "yunda", 190012,
            "jd-logistics", 190093);

    private Track17Words() {}

    static ObjectNode trackInfo(ObjectNode info, String carrierCode, String carrierName, List<JourneyEvent> events) {
        JourneyEvent latest =
                events.stream().max(Comparator.comparing(JourneyEvent::at)).orElseThrow();
        String latestSub = CODES.get(latest.stage())[0];
        info.putObject("latest_status").put("status", status(latestSub)).put("sub_status", latestSub);
        event(info.putObject("latest_event"), latest);
        ArrayNode milestones = info.putArray("milestone");
        events.stream()
                .filter(e -> !CODES.get(e.stage())[1].isEmpty())
                .sorted(Comparator.comparing(JourneyEvent::at))
                .forEach(e -> milestones
                        .addObject()
                        .put("key_stage", CODES.get(e.stage())[1])
                        .put("time_iso", CarrierClocks.iso(e))
                        .put("time_utc", e.at().toString()));
        ArrayNode providers = info.putObject("tracking").putArray("providers");
        ObjectNode provider = providers.addObject();
        provider.putObject("provider")
                .put("key", CARRIER_KEYS.getOrDefault(carrierCode, 0))
                .put("name", carrierName)
                .put("alias", carrierName);
        provider.put("latest_sync_status", "Success");
        ArrayNode list = provider.putArray("events");
        for (int i = events.size() - 1; i >= 0; i--) {
            event(list.addObject(), events.get(i));
        }
        return info;
    }

    static ObjectNode notFound(ObjectNode info) {
        info.putObject("latest_status").put("status", "NotFound").put("sub_status", "NotFound_Other");
        info.putNull("latest_event");
        info.putArray("milestone");
        info.putObject("tracking").putArray("providers");
        return info;
    }

    private static void event(ObjectNode node, JourneyEvent event) {
        String sub = CODES.get(event.stage())[0];
        node.put("time_iso", CarrierClocks.iso(event))
                .put("time_utc", event.at().toString())
                .put("description", event.detail())
                .put("location", event.location())
                .put("stage", CODES.get(event.stage())[1])
                .put("sub_status", sub);
    }

    private static String status(String subStatus) {
        int underscore = subStatus.indexOf('_');
        return underscore < 0 ? subStatus : subStatus.substring(0, underscore);
    }
}
