package dev.silkway.tracking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Tracking poller: carrier status feeds into shipment tracking events are to come; today health and metrics only. */
@SpringBootApplication
public class TrackingPollerApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrackingPollerApplication.class, args);
    }
}
