package chat.server.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "0.0.0.0/0,        203.0.113.9,       true",
            "0.0.0.0/0,        ::1,               false",
            "::/0,             2001:db8::1,       true",
            "::/0,             127.0.0.1,         false",
            "10.0.0.0/8,       10.255.1.2,        true",
            "10.0.0.0/8,       11.0.0.1,          false",
            "192.168.1.7/32,   192.168.1.7,       true",
            "192.168.1.7/32,   192.168.1.8,       false",
            "192.168.1.7,      192.168.1.7,       true",
            "127.0.0.2/31,     127.0.0.3,         true",
            "127.0.0.2/31,     127.0.0.1,         false",
            "172.16.0.0/12,    172.31.255.255,    true",
            "172.16.0.0/12,    172.32.0.0,        false",
            "2001:db8::/32,    2001:db8:ffff::1,  true",
            "2001:db8::/32,    2001:db9::1,       false",
            "::1/128,          0:0:0:0:0:0:0:1,   true",
            "::1/128,          ::2,               false",
            "::1,              ::1,               true",
            "fe80::/10,        febf::1,           true",
            "fe80::/10,        fec0::1,           false",
            // An IPv4-mapped IPv6 address is the IPv4 address, as Java reports such a client.
            "10.0.0.0/8,       ::ffff:10.1.1.1,   true",
    })
    void matches(String network, String address, boolean expected) throws Exception {
        Cidr cidr = Cidr.parse(network);
        assertThat(cidr.matches(address)).isEqualTo(expected);
        assertThat(cidr.matches(InetAddress.getByName(address))).isEqualTo(expected);
    }

    @Test
    void mixedFamiliesNeverMatch() {
        assertThat(Cidr.parse("0.0.0.0/0").matches("::")).isFalse();
        assertThat(Cidr.parse("::/0").matches("0.0.0.0")).isFalse();
        assertThat(Cidr.parse("::/96").matches("1.2.3.4")).isFalse();
    }

    @Test
    void hostBitsAreClearedAndTheFormIsCanonical() {
        assertThat(Cidr.parse("10.1.2.3/8")).hasToString("10.0.0.0/8").isEqualTo(Cidr.parse("10.0.0.0/8"));
        assertThat(Cidr.parse("10.1.2.3")).hasToString("10.1.2.3/32");
        assertThat(Cidr.parse("2001:DB8::1/32")).hasToString("2001:db8:0:0:0:0:0:0/32");
        assertThat(Cidr.parse("::1").isSingleAddress()).isTrue();
        assertThat(Cidr.parse("::1").addressText()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(Cidr.parse("10.0.0.0/24").isSingleAddress()).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").prefixLength()).isZero();
        assertThat(Cidr.parse("::/0").isIpv6()).isTrue();
    }

    @Test
    void aScopedSessionHostMatchesByAddress() {
        assertThat(Cidr.parse("fe80::/10").matches("fe80:0:0:0:0:0:0:1%eth0")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0", "10.0.0.0.0", "256.0.0.1", "1.2.3.4/33", "::1/129", "1.2.3.4/", "1.2.3.4/-1",
            "1.2.3.4/a", "localhost", "example.com", ".:1", "1::2::3", "0x7f.0.0.1", "[::1]"})
    void rejectsWhatIsNotAnAddressWithoutLookingItUp(String text) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Cidr.tryParse(text)).isNull();
        assertThat(Cidr.parse("10.0.0.0/8").matches(text)).isFalse();
    }
}
