package dev.silkway.tracking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Tracking poller: each shipment leg followed on its carrier's API into tracking events and shipment statuses. */
@SpringBootApplication
public class TrackingPollerApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrackingPollerApplication.class, args);
    }
}
