package chat.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import chat.server.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** #10: the guard slows whoever fails, never an address that has not failed on the target. */
class LoginGuardTest {

    private final ManualClock clock = new ManualClock(Instant.ofEpochMilli(0));
    private final LoginGuard guard = new LoginGuard(2, 4, 3, 1000, clock);

    @Test
    void aPairThatFailedTooOftenWaitsForTheRestOfItsWindowOnly() {
        assertThat(guard.failed("acct", "a")).isFalse();
        assertThat(guard.failed("acct", "a")).isTrue();
        assertThat(guard.retryAfterMillis("acct", "a")).isEqualTo(1000);
        assertThat(guard.retryAfterMillis("acct", "b")).isZero();
        assertThat(guard.retryAfterMillis("other", "a")).isZero();
        clock.advance(Duration.ofMillis(600));
        assertThat(guard.retryAfterMillis("acct", "a")).isEqualTo(400);
        clock.advance(Duration.ofMillis(400));
        assertThat(guard.retryAfterMillis("acct", "a")).isZero();
    }

    @Test
    void anAddressThatFailedTooOftenWaitsForEveryTarget() {
        for (int i = 0; i < 4; i++) guard.failed("t" + i, "a");
        assertThat(guard.retryAfterMillis("fresh", "a")).isPositive();
        assertThat(guard.retryAfterMillis("fresh", "b")).isZero();
    }

    @Test
    void aTargetUnderAttackRefusesOnlyTheAddressesThatFailedOnIt() {
        guard.failed("acct", "a");
        guard.failed("acct", "b");
        guard.failed("acct", "c");
        assertThat(guard.retryAfterMillis("acct", "a")).isPositive();
        assertThat(guard.retryAfterMillis("acct", "owner")).isZero();
    }

    @Test
    void theFailuresSinceTheLastSuccessAreToldOnce() {
        guard.failed("acct", "a");
        clock.advance(Duration.ofMillis(50));
        guard.failed("acct", "b");
        LoginGuard.Failures told = guard.succeeded("acct", "owner");
        assertThat(told).isEqualTo(new LoginGuard.Failures(2, "b", 50));
        assertThat(guard.succeeded("acct", "owner")).isNull();
    }
}
