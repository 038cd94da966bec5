package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * #10 (8): SASL PLAIN must not tell, by its answer time, whether an account exists. The attacker times
 * {@code AUTHENTICATE} for a name that is not registered and for one that is, with a wrong password: both
 * must cost the server a key derivation. The iterations are raised so that a derivation dwarfs the noise.
 */
@Tag("security")
class SaslTimingTest {

    private static final int ROUNDS = 3;

    @RegisterExtension
    final ServerExtension server = ServerExtension.withStore(s -> s.withPasswordIterations(300_000));

    /** Nanoseconds from the PLAIN payload to the 904 that refuses it, on a connection of its own. */
    private long timeFailedPlain(String from, String account) {
        TestClient c = server.openFrom(from);
        c.send("CAP LS 302");
        c.send("CAP REQ :sasl");
        c.expect("CAP", "*", "ACK");
        c.send("AUTHENTICATE PLAIN");
        c.expect("AUTHENTICATE", "+");
        long start = System.nanoTime();
        c.send("AUTHENTICATE " + Sasl.plain(account, "not the password"));
        c.expect("904");
        long took = System.nanoTime() - start;
        c.close();
        return took;
    }

    private static long median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Test
    void anUnknownAccountTakesAsLongAsAWrongPassword() {
        AccountTest.registerAccount(server, "victim", "the real password");
        long[] unknown = new long[ROUNDS];
        long[] wrong = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            // each attempt from its own address: the per-address throttle is not what is measured
            unknown[i] = timeFailedPlain("127.0.1." + (i + 1), "nobody" + i);
            wrong[i] = timeFailedPlain("127.0.2." + (i + 1), "victim");
        }
        // before #10: about 0.2 ms against 100 ms and more; now both pay for one derivation
        assertThat(median(unknown)).as("unknown %s vs wrong password %s (ns)", Arrays.toString(unknown),
                Arrays.toString(wrong)).isGreaterThan(median(wrong) / 3);
    }
}
