package dev.silkway.storefront.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender of every mail
 * @param publicUrl where shoppers open the links in mails (the storefront's public address)
 * @param pollInterval how often the dispatcher looks for due mails
 * @param batchSize mails claimed per poll
 * @param firstRetry the delay after the first failed send; doubles per attempt up to {@code maxRetry}
 * @param maxRetry the longest delay between two attempts
 * @param lease how long a claimed mail stays invisible to other dispatchers while it is sent
 */
@ConfigurationProperties("silkway.mail")
public record MailProperties(
        @DefaultValue("Silkway <no-reply@silkway.local>") String from,
        @DefaultValue("http://127.0.0.1:8080") String publicUrl,
        @DefaultValue("PT2S") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("PT10S") Duration firstRetry,
        @DefaultValue("PT1H") Duration maxRetry,
        @DefaultValue("PT2M") Duration lease) {}
