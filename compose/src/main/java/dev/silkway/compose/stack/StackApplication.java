package dev.silkway.compose.stack;

import dev.silkway.localprocess.ModuleJar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One Spring Boot application of the stack: its module, port and command-line settings; a simulator
 * (the sandbox) stands in for the outside world and is stopped only after the applications.
 */
record StackApplication(String name, int port, List<String> args, boolean simulator) {

    static List<StackApplication> all(StackSettings s) {
        List<String> services = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + s.kafkaBootstrap(),
                "--spring.elasticsearch.uris=" + s.elasticsearchUrl(),
                "--silkway.sandbox.url=" + s.sandboxUrl(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + s.mailSmtpPort(),
                // Generated at first start: the storefront's JWT key pair, PII and blind-index keys; ingestion's
                // feed secret key.
                "--silkway.local-secrets-dir=" + s.state().resolve("secrets"),
                // Every other application verifies the storefront's tokens with its JWKS.
                "--silkway.security.jwks-uri=http://127.0.0.1:" + s.storefrontPort() + "/.well-known/jwks.json"));
        if (!s.clusterDatabase()) {
            // On the cluster the applications read SPRING_DATASOURCE_* from the environment that
            // ./silkway run exported: the password never appears on a command line.
            services.addFirst("--spring.datasource.url=" + s.jdbcUrl());
        }
        return List.of(
                new StackApplication("sandbox", s.sandboxPort(), sandbox(s), true),
                new StackApplication("storefront-api", s.storefrontPort(), storefront(services, s), false),
                new StackApplication("ingestion", s.ingestionPort(), ingestion(services, s), false),
                new StackApplication("search-indexer", s.searchIndexerPort(), services, false),
                new StackApplication("tracking-poller", s.trackingPollerPort(), tracking(services, s), false));
    }

    /**
     * The simulated YooKassa and Stripe notify the storefront (NOWPayments is told where with each invoice), 17TRACK
     * the tracking poller, and YooKassa misbehaves a little as the real one may: some notifications twice, some late, some out of order.
     */
    private static List<String> sandbox(StackSettings s) {
        return List.of(
                "--silkway.sandbox.yookassa.webhook-url=http://127.0.0.1:" + s.storefrontPort()
                        + "/api/v1/payments/webhooks/yookassa",
                "--silkway.sandbox.yookassa.public-url=" + s.sandboxUrl(),
                "--silkway.sandbox.yookassa.duplicate-rate=0.05",
                "--silkway.sandbox.yookassa.delay-rate=0.05",
                "--silkway.sandbox.yookassa.reorder-rate=0.02",
                "--silkway.sandbox.stripe.webhook-url=http://127.0.0.1:" + s.storefrontPort()
                        + "/api/v1/payments/webhooks/stripe",
                // 17TRACK's simulator pushes the numbers the poller registered to the poller's webhook.
                "--silkway.sandbox.carriers.track17.webhook-url=http://127.0.0.1:" + s.trackingPollerPort()
                        + "/api/v1/carriers/webhooks/17track");
    }

    /**
     * The storefront pays through the sandbox's YooKassa with its published sandbox shop (not a secret), takes
     * its notifications from loopback, and sends the shopper back to itself after paying; it buys paid orders
     * through the sandbox's purchasing partner, which calls back its webhook on the storefront's own port.
     */
    private static List<String> storefront(List<String> services, StackSettings s) {
        List<String> args = new ArrayList<>(services);
        args.add("--silkway.payments.yookassa.base-url=" + s.sandboxUrl() + "/yookassa/v3");
        args.add("--silkway.payments.yookassa.shop-id=sandbox-shop");
        args.add("--silkway.payments.yookassa.secret-key=sandbox-yookassa-secret");
        args.add("--silkway.payments.yookassa.notification-networks=127.0.0.1/32,::1/128");
        args.add("--silkway.payments.return-url=http://127.0.0.1:" + s.storefrontPort() + "/api/v1/orders/{orderId}");
        args.add("--silkway.fulfilment.partner.url=" + s.sandboxUrl());
        args.add("--silkway.fulfilment.callback-url=http://127.0.0.1:" + s.storefrontPort()
                + "/api/v1/fulfilment/webhooks/partner");
        return args;
    }

    /**
     * Poizon prices one SKU per call ({@code normal_lowest_price}), so its feed is bound by the rate limit: the
     * client's default of 10 calls/s is the cautious production value (Poizon publishes none), while the sandbox
     * allows 50/s. The sandbox's 2,000 SPUs have 1 to 12 SKUs each: ~20 min of pricing at 10/s, ~5 min at 40/s.
     * Declared feeds may reach the sandbox, and only it among the non-public addresses (SILKWAY_FEED_ALLOWED_HOSTS).
     */
    private static List<String> ingestion(List<String> services, StackSettings s) {
        List<String> args = new ArrayList<>(services);
        args.add("--silkway.marketplaces.poizon.transport.rate-limit-per-second=40");
        args.add("--silkway.feeds.allowed-hosts=" + s.feedAllowedHosts());
        return args;
    }

    /**
     * The poller's schedule at the sandbox's pace: its journeys run 3,000 times faster than real time
     * (SANDBOX_TIME_FACTOR), so the production intervals (15 min after hand-over, 30 min near delivery, 2 h in
     * transit, 12 h at sea or under webhooks) become seconds, and a parcel is stuck after minutes, not days.
     * The carrier clients reach the sandbox's simulators (17TRACK, CDEK and SF Express through silkway.sandbox.url,
     * carriers.properties; Russian Post here); CDEK is subscribed to push to the poller.
     */
    private static List<String> tracking(List<String> services, StackSettings s) {
        List<String> args = new ArrayList<>(services);
        args.add("--silkway.carriers.russian-post.url=" + s.sandboxUrl() + "/russian-post/rtm34");
        args.add("--silkway.tracking.webhooks.public-url=http://127.0.0.1:" + s.trackingPollerPort());
        args.add("--silkway.tracking.poll.schedule.early=1s");
        args.add("--silkway.tracking.poll.schedule.near=1s");
        args.add("--silkway.tracking.poll.schedule.normal=3s");
        args.add("--silkway.tracking.poll.schedule.sea=15s");
        args.add("--silkway.tracking.poll.schedule.webhook-covered=15s");
        args.add("--silkway.tracking.poll.schedule.first-failure=1s");
        args.add("--silkway.tracking.poll.schedule.max-backoff=10s");
        args.add("--silkway.tracking.stuck.otherwise=5m");
        args.add("--silkway.tracking.stuck.after[IN_TRANSIT]=5m");
        args.add("--silkway.tracking.stuck.after[OUT_FOR_DELIVERY]=1m");
        return args;
    }

    /** The module's executable jar, as {@code ./mvnw package} leaves it (the stack runs a copy of it). */
    Path jar(Path home) {
        return ModuleJar.executable(home, name);
    }

    /** The command line: the module's settings and its port. */
    List<String> commandLine() {
        List<String> line = new ArrayList<>(args);
        line.add("--server.port=" + port);
        return line;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }
}
