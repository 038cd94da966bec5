package chat.bots.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many times each offender broke a rule recently, and so which step comes next. An offender is its account
 * when logged in, else its host, so that changing nickname does not start again. Forgotten after a quiet
 * {@code forgiveAfter}. Confined to Guard's thread.
 */
final class Escalation {

    private record Record(int count, Instant last) {
    }

    private final Map<String, Record> offenders = new HashMap<>();

    /** Counts an offence by {@code offender} and returns the step to take (the last step repeats). */
    Step next(String offender, Instant now, List<Step> steps, Duration forgiveAfter) {
        Record r = offenders.get(offender);
        int count = r == null || r.last().plus(forgiveAfter).isBefore(now) ? 1 : r.count() + 1;
        offenders.put(offender, new Record(count, now));
        return steps.get(Math.min(count, steps.size()) - 1);
    }

    /** The step after the one just taken, for "next time: ..." in the explanation; null when it repeats. */
    static Step after(Step taken, List<Step> steps) {
        int i = steps.indexOf(taken);
        return i >= 0 && i + 1 < steps.size() ? steps.get(i + 1) : null;
    }

    int count(String offender) {
        Record r = offenders.get(offender);
        return r == null ? 0 : r.count();
    }
}
