package dev.silkway.tracking.poll;

import org.apache.camel.ProducerTemplate;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * What each carrier API's clustered Quartz trigger fires: the API's Camel route, on whichever
 * instance took the fire. Fires may overlap across instances; the shared call slots keep them within
 * the limit together, and SKIP LOCKED keeps them from claiming the same legs.
 */
class PollJob extends QuartzJobBean {

    static final String API = "api";

    private final ProducerTemplate camel;

    PollJob(ProducerTemplate camel) {
        this.camel = camel;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        if (!camel.getCamelContext().isStarted()) {
            return; // starting or shutting down: the next fire polls
        }
        String api = context.getMergedJobDataMap().getString(API);
        camel.sendBody(PollRoutes.routeUri(api), api);
    }
}
