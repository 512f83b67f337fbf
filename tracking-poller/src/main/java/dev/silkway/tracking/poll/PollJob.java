package dev.silkway.tracking.poll;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * What each carrier API's clustered Quartz trigger fires: the API's Camel route, on whichever
 * instance took the fire. Fires may overlap across instances; the shared call slots keep them within
 * the limit together, and SKIP LOCKED keeps them from claiming the same legs.
 *
 * <p>The producer template (a lazy bean) is only asked for once Camel has started: Quartz may fire while the
 * application is still starting, and creating the template on Quartz's thread then took the bean factory's lock
 * and waited for Camel's, which the starting thread held while it waited for the bean factory's (a JVM deadlock
 * that hung a second poller's start in CI).
 */
class PollJob extends QuartzJobBean {

    static final String API = "api";

    private final CamelContext camel;
    private final ObjectProvider<ProducerTemplate> template;

    PollJob(CamelContext camel, ObjectProvider<ProducerTemplate> template) {
        this.camel = camel;
        this.template = template;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        if (!camel.isStarted()) {
            return; // starting or shutting down: the next fire polls
        }
        String api = context.getMergedJobDataMap().getString(API);
        template.getObject().sendBody(PollRoutes.routeUri(api), api);
    }
}
