package chat.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import chat.server.spi.ScramCredentials;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScramExchangeTest {

    // RFC 7677 section 3: user "user", password "pencil"
    private static final byte[] SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
    private static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";

    private static ScramExchange exchange(ScramCredentials user) {
        return new ScramExchange(name -> name.equals("user") ? Optional.of(user) : Optional.empty(),
                name -> Scram.credentials("decoy", new byte[16], 4096), SERVER_NONCE);
    }

    @Test
    void rfc7677TestVector() {
        ScramExchange x = exchange(Scram.credentials("pencil", SALT, 4096));
        assertThat(x.clientFirst("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"))
                .isEqualTo("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
        assertThat(x.clientFinal("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="))
                .isEqualTo("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
        assertThat(x.state()).isEqualTo(ScramExchange.State.SUCCEEDED);
        assertThat(x.user()).isEqualTo("user");
    }

    @Test
    void aWrongPasswordFailsTheProof() {
        ScramExchange x = exchange(Scram.credentials("not pencil", SALT, 4096));
        x.clientFirst("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        assertThat(x.clientFinal("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")).isNull();
        assertThat(x.state()).isEqualTo(ScramExchange.State.FAILED);
    }

    @Test
    void anUnknownUserGetsAStableDecoySaltAndFails() {
        ScramCredentials real = Scram.credentials("pencil", SALT, 4096);
        ScramExchange x = exchange(real);
        String first = x.clientFirst("n,,n=nobody,r=abc");
        assertThat(first).startsWith("r=abc" + SERVER_NONCE + ",s=").endsWith(",i=4096");
        assertThat(x.clientFinal("c=biws,r=abc" + SERVER_NONCE + ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")).isNull();
    }

    @Test
    void malformedMessagesAndChannelBindingAreRefused() {
        ScramCredentials real = Scram.credentials("pencil", SALT, 4096);
        assertThat(exchange(real).clientFirst("p=tls-unique,,n=user,r=abc")).isNull();
        assertThat(exchange(real).clientFirst("n,,n=user")).isNull();
        assertThat(exchange(real).clientFirst("n,a=other,n=user,r=abc")).isNull();
        assertThat(exchange(real).clientFirst("n,,n=us=er,r=abc")).isNull();
        assertThat(exchange(real).clientFirst("n,,n=user,r=abc,m=ext")).isNull();
        ScramExchange x = exchange(real);
        x.clientFirst("n,,n=user,r=abc");
        assertThat(x.clientFinal("c=biws,r=wrongnonce,p=AAAA")).isNull();
        ScramExchange y = exchange(real);
        y.clientFirst("n,,n=user,r=abc");
        assertThat(y.clientFinal("c=biws,r=abc" + SERVER_NONCE + ",p=!!notbase64")).isNull();
    }

    @Test
    void plainVerificationUsesTheSameKeysAndSaslPrep() {
        ScramCredentials stored = Scram.credentials("pen\u00A0cil\u00AD", SALT, 4096);
        assertThat(Scram.matches(stored, "pen cil")).isTrue();
        assertThat(Scram.matches(stored, "pencil")).isFalse();
        assertThat(Scram.matches(Scram.credentials("pencil", SALT, 4096), "pencil")).isTrue();
    }

    @Test
    void throttleRefusesAfterTooManyFailuresUntilTheWindowPasses() {
        Instant[] now = {Instant.ofEpochMilli(0)};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        LoginThrottle throttle = new LoginThrottle(3, 1000, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.allowed("alice")).isTrue();
            throttle.failed("alice");
        }
        assertThat(throttle.allowed("alice")).isFalse();
        assertThat(throttle.allowed("bob")).isTrue();
        now[0] = Instant.ofEpochMilli(1000);
        assertThat(throttle.allowed("alice")).isTrue();
        throttle.failed("alice");
        assertThat(throttle.allowed("alice")).isTrue();
        throttle.succeeded("alice");
        assertThat(throttle.allowed("alice")).isTrue();
    }
}
