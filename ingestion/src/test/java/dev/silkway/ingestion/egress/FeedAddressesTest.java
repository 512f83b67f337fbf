package dev.silkway.ingestion.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

class FeedAddressesTest {

    static final int SANDBOX = 18090;
    static final int POSTGRES = 55432;
    static final int KAFKA = 19092;

    final FeedAddresses addresses = new FeedAddresses(
            new FeedEgressProperties(
                    List.of("127.0.0.1:" + SANDBOX, "127.0.0.1:" + POSTGRES, "localhost:" + KAFKA, "127.0.0.1:8083"),
                    List.of(8080, 8081, 8082, 8083)),
            new MockEnvironment()
                    .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + POSTGRES + "/silkway")
                    .withProperty("spring.kafka.bootstrap-servers", "127.0.0.1:" + KAFKA)
                    .withProperty("spring.elasticsearch.uris", "http://127.0.0.1:19200")
                    .withProperty("server.port", "18081"));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/items",
                "http://127.0.0.2:8080/items",
                "http://2130706433/items",
                "http://0177.0.0.1/items",
                "http://0x7f000001/items",
                "http://0x7f.0.0.1/items",
                "http://127.1/items",
                "http://0/items",
                "http://0.0.0.0/items",
                "http://[::1]/items",
                "http://[::]/items",
                "http://[0:0:0:0:0:0:0:1]/items",
                "http://[::ffff:127.0.0.1]/items",
                "http://[::ffff:7f00:1]/items",
                "http://[::127.0.0.1]/items",
                "http://[64:ff9b::a00:1]/items",
                "http://[64:ff9b::7f00:1]/items",
                "http://[2002:c0a8:101::1]/items",
                "http://[fe80::1]/items",
                "http://[fe80::1%25eth0]/items",
                "http://[fc00::1]/items",
                "http://[fd12:3456::1]/items",
                "http://[ff02::1]/items",
                "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.1/items",
                "http://172.16.5.4/items",
                "http://172.31.255.255/items",
                "http://192.168.1.1/items",
                "http://100.64.0.1/items",
                "http://198.18.0.1/items",
                "http://192.0.2.1/items",
                "http://224.0.0.1/items",
                "http://240.0.0.1/items",
                "http://255.255.255.255/items",
                "http://localhost/items",
                "http://LOCALHOST./items",
                "http://localhost:" + SANDBOX + "/items"
            })
    void refusesEverySpellingOfAnInsideAddress(String url) {
        assertThat(addresses.refusal(URI.create(url))).as(url).isPresent();
        assertThat(addresses.admit(URI.create(url))).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"http://93.184.215.14/items", "https://[2606:4700:4700::1111]/items", "http://8.8.8.8:8443/x"})
    void admitsPublicAddresses(String url) {
        assertThat(addresses.refusal(URI.create(url))).as(url).isEmpty();
        assertThat(addresses.admit(URI.create(url))).as(url).isEmpty();
    }

    @Test
    void admitsAnAllowListedHostAndPortOnly() {
        assertThat(addresses.admit(URI.create("http://127.0.0.1:" + SANDBOX + "/generic/v1/items")))
                .isEmpty();
        assertThat(addresses.admit(URI.create("http://127.0.0.1:" + (SANDBOX + 1) + "/generic/v1/items")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("loopback", "SILKWAY_FEED_ALLOWED_HOSTS"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:" + POSTGRES + "/",
                "http://[::1]:" + POSTGRES + "/",
                "http://localhost:" + KAFKA + "/",
                "http://127.0.0.1:8083/",
                "http://127.0.0.1:19200/",
                "http://127.0.0.1:18081/"
            })
    void refusesTheStacksOwnServicesEvenWhenAllowListed(String url) {
        assertThat(addresses.admit(URI.create(url)))
                .as(url)
                .hasValueSatisfying(reason -> assertThat(reason).contains("the stack's own services"));
    }

    @Test
    void theGuardingResolverIsTheJvmsResolver() {
        GuardedResolverProvider.install();

        assertThat(GuardedResolverProvider.installed()).isTrue();
    }
}
