package dev.silkway.tracking.carrier;

/**
 * The sub-statuses the carriers' codes are mapped onto ({@link CarrierEvent#subStatus()}), one vocabulary for every
 * platform: where a parcel is within its status. A code without a finer meaning has none (null).
 */
public final class SubStatus {

    public static final String PICKED_UP = "picked_up";
    public static final String DEPARTURE = "departure";
    public static final String EXPORT_CUSTOMS = "export_customs";
    public static final String ARRIVED_DESTINATION_COUNTRY = "arrived_destination_country";
    public static final String CUSTOMS_PROCESSING = "customs_processing";
    public static final String CUSTOMS_HELD = "customs_held";
    public static final String CUSTOMS_RELEASED = "customs_released";
    public static final String HANDED_TO_LAST_MILE = "handed_to_last_mile";
    public static final String SORTING = "sorting";
    public static final String ARRIVED_DESTINATION_CITY = "arrived_destination_city";
    public static final String ADDRESSEE_ABSENT = "addressee_absent";
    public static final String RETURNING = "returning";
    public static final String LOST = "lost";

    private SubStatus() {}
}
