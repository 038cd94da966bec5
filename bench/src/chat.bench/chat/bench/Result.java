package chat.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The figures of one run, in order, printed as one machine-readable line: {@code BENCH key=value ...}. */
final class Result {

    private final Map<String, String> values = new LinkedHashMap<>();

    Result put(String key, String value) {
        values.put(key, value.replace(' ', '_'));
        return this;
    }

    Result put(String key, long value) {
        return put(key, Long.toString(value));
    }

    Result put(String key, double value, int decimals) {
        return put(key, String.format(Locale.ROOT, "%." + decimals + "f", value));
    }

    String line() {
        StringBuilder sb = new StringBuilder("BENCH");
        values.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }
}
