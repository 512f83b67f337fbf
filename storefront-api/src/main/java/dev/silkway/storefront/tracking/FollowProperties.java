package dev.silkway.storefront.tracking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The shipment events orders follow: their topic and this consumer's group. */
@Validated
@ConfigurationProperties("silkway.tracking")
record FollowProperties(
        @DefaultValue("silkway.shipments") String topic,
        @DefaultValue("storefront-order-tracking") String groupId) {}
