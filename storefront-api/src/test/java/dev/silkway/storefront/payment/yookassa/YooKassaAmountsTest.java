package dev.silkway.storefront.payment.yookassa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class YooKassaAmountsTest {

    @Test
    void writesKopecksAsRoublesWithTwoDecimalsAtTheBoundaries() {
        assertThat(YooKassaAmounts.format(1)).isEqualTo("0.01");
        assertThat(YooKassaAmounts.format(10)).isEqualTo("0.10");
        assertThat(YooKassaAmounts.format(123_457)).isEqualTo("1234.57");
        assertThat(YooKassaAmounts.format(123_450)).isEqualTo("1234.50");
        assertThat(YooKassaAmounts.format(100)).isEqualTo("1.00");
        assertThat(YooKassaAmounts.format(9_999_999_999L)).isEqualTo("99999999.99");
    }

    @Test
    void readsRoublesBackToTheSameKopecks() {
        for (long minor : new long[] {1, 9, 10, 99, 101, 123_457, 9_999_999_999L}) {
            assertThat(YooKassaAmounts.parse(YooKassaAmounts.format(minor))).isEqualTo(minor);
        }
        assertThat(YooKassaAmounts.parse("12")).isEqualTo(1200);
        assertThat(YooKassaAmounts.parse("12.5")).isEqualTo(1250);
    }

    @Test
    void refusesWhatIsNotAnAmount() {
        for (String bad : List.of("", "-1.00", "1.001", "1,00", "1e3", "01.00", " 1.00")) {
            assertThatThrownBy(() -> YooKassaAmounts.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> YooKassaAmounts.format(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsNotificationsOnlyFromTheConfiguredNetworks() throws Exception {
        Networks networks = Networks.of(List.of("185.71.76.0/27", "77.75.156.11/32", "2a02:5180::/32"));
        assertThat(networks.contain(InetAddress.getByName("185.71.76.31"))).isTrue();
        assertThat(networks.contain(InetAddress.getByName("185.71.76.32"))).isFalse();
        assertThat(networks.contain(InetAddress.getByName("77.75.156.11"))).isTrue();
        assertThat(networks.contain(InetAddress.getByName("77.75.156.12"))).isFalse();
        assertThat(networks.contain(InetAddress.getByName("2a02:5180:0:1::1"))).isTrue();
        assertThat(networks.contain(InetAddress.getByName("127.0.0.1"))).isFalse();
    }
}
