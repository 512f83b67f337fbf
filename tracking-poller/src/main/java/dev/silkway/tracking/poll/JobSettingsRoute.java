package dev.silkway.tracking.poll;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tracking-job-settings}: every {@code silkway.tracking.poll.settings-every}, each instance brings the
 * carrier triggers in line with the schedules set through the ops API, and takes the runs asked for there,
 * starting a cycle for each at once.
 */
final class JobSettingsRoute extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(JobSettingsRoute.class);

    private final JobSettings settings;
    private final PollTriggers triggers;
    private final PollCycle cycle;
    private final CarrierApis apis;
    private final PollProperties properties;

    JobSettingsRoute(
            JobSettings settings, PollTriggers triggers, PollCycle cycle, CarrierApis apis, PollProperties properties) {
        this.settings = settings;
        this.triggers = triggers;
        this.cycle = cycle;
        this.apis = apis;
        this.properties = properties;
    }

    @Override
    public void configure() {
        long every = properties.settingsEvery().toMillis();
        fromF("timer:tracking-job-settings?period=%d&delay=%d", every, every)
                .routeId("tracking-job-settings")
                .process(exchange -> {
                    triggers.follow(settings.crons());
                    for (var run = settings.takeRunRequest(apis.names());
                            run.isPresent();
                            run = settings.takeRunRequest(apis.names())) {
                        log.info(
                                "Run of poll-{} asked for: {} legs due now, run {}",
                                run.get().api(),
                                run.get().legsMadeDue(),
                                run.get().id());
                        cycle.run(run.get().api(), run.get().id());
                    }
                });
    }
}
