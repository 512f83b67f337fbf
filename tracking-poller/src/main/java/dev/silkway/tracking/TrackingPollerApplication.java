package dev.silkway.tracking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Tracking poller: carrier status feeds and webhooks into shipment tracking events. */
@SpringBootApplication
public class TrackingPollerApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrackingPollerApplication.class, args);
    }
}
