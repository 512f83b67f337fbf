package dev.silkway.ingestion.pipeline;

import dev.silkway.ingestion.marketplace.transport.MarketplaceCredentialsRejected;
import dev.silkway.ingestion.marketplace.transport.MarketplaceException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * Error handling shared by every ingestion route. The connectors already retry with back-off what can be retried,
 * so a route never redelivers: the failure goes back to the fetch step, which fails the run (credentials rejected
 * with the operator's message) and keeps its checkpoint for a restart.
 */
@Component
class IngestionErrorHandling extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration("ingestion-errors")
                .onException(MarketplaceCredentialsRejected.class)
                .handled(false)
                .log(LoggingLevel.ERROR, "${routeId}: ${exception.message}")
                .end()
                .onException(MarketplaceException.class)
                .handled(false)
                .log(LoggingLevel.WARN, "${routeId}: marketplace call failed after retries: ${exception.message}")
                .end()
                .onException(Exception.class)
                .handled(false)
                .log(LoggingLevel.WARN, "${routeId}: ${exception}");
    }
}
