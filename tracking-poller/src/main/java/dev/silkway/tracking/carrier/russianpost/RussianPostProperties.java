package dev.silkway.tracking.carrier.russianpost;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code silkway.carriers.russian-post.*}: the tracking service's address (production
 * {@code https://tracking.russianpost.ru/rtm34}; locally the sandbox), the API login and password from "Access
 * settings" (local defaults are the sandbox's, never real ones; SILKWAY_CARRIERS_RUSSIANPOST_LOGIN / _PASSWORD in production), the
 * request pace, and the bounds of one call: connect and receive timeouts, a deadline for the whole answer and its
 * largest size. Russian Post publishes no per-second limit for single access (without a contract it counts
 * requests per day, with one it is "unlimited"): 5 calls per second is our cautious pace ⚠, not a published figure.
 */
@ConfigurationProperties("silkway.carriers.russian-post")
record RussianPostProperties(
        @DefaultValue("http://localhost:8090/russian-post/rtm34")
        URI url,

        @DefaultValue("sandbox-rp-login") String login,
        @DefaultValue("sandbox-rp-password") String password,
        @DefaultValue("RUS") String language,
        @DefaultValue("5") double callsPerSecond,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration receiveTimeout,
        @DefaultValue("20s") Duration deadline,
        @DefaultValue("1MB") DataSize maxAnswerSize) {

    RussianPostProperties {
        if (login.isBlank() || password.isBlank()) {
            throw new IllegalArgumentException("silkway.carriers.russian-post: login and password must be set");
        }
        if (!language.equals("RUS") && !language.equals("ENG")) {
            throw new IllegalArgumentException("silkway.carriers.russian-post.language must be RUS or ENG");
        }
        if (!(callsPerSecond > 0)) {
            throw new IllegalArgumentException("silkway.carriers.russian-post.calls-per-second must be positive");
        }
        for (Duration d : new Duration[] {connectTimeout, receiveTimeout, deadline}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("silkway.carriers.russian-post: timeouts must be positive");
            }
        }
        if (maxAnswerSize.toBytes() < 1024) {
            throw new IllegalArgumentException("silkway.carriers.russian-post.max-answer-size must be at least 1KB");
        }
    }

    @Override
    public String toString() {
        return "RussianPostProperties[url=" + url + ", login=" + login + ", password=***]";
    }
}
