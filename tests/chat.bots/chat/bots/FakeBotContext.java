package chat.bots;

import chat.server.spi.BotContext;
import chat.server.spi.BotSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A bot's world in memory: actions are recorded as IRC-like lines; statuses and members are set by the test. */
public final class FakeBotContext implements BotContext {

    public final List<String> actions = new ArrayList<>();
    public final Map<String, MemberStatus> statuses = new HashMap<>();
    public final Set<String> members = new HashSet<>();
    public final Set<String> ircOperators = new HashSet<>();
    public final Map<String, String> saved = new TreeMap<>();
    public Map<String, String> config = new HashMap<>();
    public Instant now = Instant.parse("2026-12-01T12:00:00Z");
    private final String nick;

    public FakeBotContext(String nick) {
        this.nick = nick;
    }

    /** The actions so far, then forgets them. */
    public List<String> take() {
        List<String> out = List.copyOf(actions);
        actions.clear();
        return out;
    }

    @Override public String nick() { return nick; }
    @Override public Map<String, String> config() { return config; }
    @Override public Clock clock() { return Clock.fixed(now, ZoneOffset.UTC); }
    @Override public void say(String target, String text) { actions.add("PRIVMSG " + target + " :" + text); }
    @Override public void notice(String target, String text) { actions.add("NOTICE " + target + " :" + text); }
    @Override public void join(String channel) { actions.add("JOIN " + channel); }
    @Override public void part(String channel, String reason) { actions.add("PART " + channel + " :" + reason); }
    @Override public void kick(String channel, String who, String reason) { actions.add("KICK " + channel + " " + who + " :" + reason); }
    @Override public void quiet(String channel, String mask, Duration d) { actions.add("QUIET " + channel + " " + mask + " " + d); }
    @Override public void ban(String channel, String mask, Duration d) { actions.add("BAN " + channel + " " + mask + " " + d); }
    @Override public void topic(String channel, String text) { actions.add("TOPIC " + channel + " :" + text); }
    @Override public MemberStatus status(String channel, String who) {
        return statuses.getOrDefault(channel + " " + who, members.contains(who.toLowerCase()) ? MemberStatus.MEMBER : MemberStatus.ABSENT);
    }
    @Override public Set<String> members(String channel) { return members; }
    @Override public boolean ircOperator(String who) { return ircOperators.contains(who); }
    @Override public String userHost(String who) { return "~" + who + "@host-" + who; }
    @Override public String account(String who) { return null; }
    @Override public void log(String text) { }

    @Override
    public BotSettings settings() {
        return new BotSettings() {
            @Override public String get(String key, String fallback) { return saved.getOrDefault(key, fallback); }
            @Override public Map<String, String> withPrefix(String prefix) {
                Map<String, String> out = new TreeMap<>();
                saved.forEach((k, v) -> { if (k.startsWith(prefix)) out.put(k, v); });
                return out;
            }
            @Override public void put(String key, String value) { saved.put(key, value); }
            @Override public void remove(String key) { saved.remove(key); }
        };
    }
}
