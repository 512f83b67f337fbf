package dev.silkway.tracking.poll;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/**
 * One route per carrier API ({@code poll-<api>}): a poll cycle, fired by the API's Quartz trigger;
 * and the housekeeping route that forgets old call slots and runs.
 */
final class PollRoutes extends RouteBuilder {

    private static final Duration SLOTS_KEPT = Duration.ofMinutes(10);
    private static final Duration RUNS_KEPT = Duration.ofDays(2);

    private final CarrierApis apis;
    private final PollCycle cycle;
    private final CallSlots slots;
    private final PollRuns runs;

    PollRoutes(CarrierApis apis, PollCycle cycle, CallSlots slots, PollRuns runs) {
        this.apis = apis;
        this.cycle = cycle;
        this.slots = slots;
        this.runs = runs;
    }

    static String routeUri(String api) {
        return "direct:poll-" + api;
    }

    @Override
    public void configure() {
        for (String api : apis.names()) {
            from(routeUri(api))
                    .routeId("poll-" + api)
                    .process(exchange -> exchange.getMessage().setBody(cycle.run(api)));
        }
        from("timer:tracking-housekeeping?period=60000&delay=10000")
                .routeId("tracking-housekeeping")
                .process(exchange -> {
                    java.time.Instant now = java.time.Instant.now();
                    slots.forgetBefore(now.minus(SLOTS_KEPT));
                    runs.forgetBefore(now.minus(RUNS_KEPT));
                });
    }
}
