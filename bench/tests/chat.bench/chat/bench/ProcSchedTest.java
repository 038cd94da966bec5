package chat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcSchedTest {

    @Test
    void aSchedstatLineGivesTheRunQueueWaitAndTheTimesRun() {
        Proc.Sched sched = Proc.Sched.parse("123456789 2500000 42\n");

        assertThat(sched.waitNanos()).isEqualTo(2_500_000);
        assertThat(sched.slices()).isEqualTo(42);
    }

    @Test
    void samplesAddUpOverThreadsAndSubtractOverTime() {
        Proc.Sched before = Proc.Sched.parse("1 100 3").plus(Proc.Sched.parse("1 50 2"));
        Proc.Sched after = Proc.Sched.parse("9 400 10").plus(Proc.Sched.parse("9 70 4"));

        assertThat(after.minus(before)).isEqualTo(new Proc.Sched(320, 9));
    }

    @Test
    void thisProcessHasBeenOnACpu() {
        Proc.Sched self = Proc.self(100).sched();

        assertThat(self.slices()).isPositive();
        assertThat(self.waitNanos()).isNotNegative();
    }
}
