package chat.bots.guard;

import chat.bots.Commands;
import chat.bots.Durations;
import chat.server.spi.Bot;
import chat.server.spi.BotContext;
import chat.server.spi.BotContext.MemberStatus;
import chat.server.spi.BotEvent;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The moderation bot. In each channel where it is enabled it watches for floods, repeated text, mass
 * highlights, links to hosts not allowed, shouting and banned words, and answers each offence with the next
 * step of a ladder (by default: warn, quiet 5m, kick, ban 1h), explaining itself to the user and logging for the
 * channel's operators. Operators and voiced members are exempt.
 *
 * <p>Config ({@code bot.Guard.*}): {@code channels} (enabled at first start, default {@code #lobby}),
 * {@code steps}, {@code forgive} (default 1h), and a default for each rule in {@link Rules#NAMES}.
 */
public final class Guard implements Bot {

    static final String NAME = "Guard";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private BotContext ctx;
    private Map<String, String> config = Map.of();
    private List<Step> steps;
    private Duration forgive;
    private ModerationLog log;
    private final Map<String, Pace> paces = new HashMap<>();
    private final Escalation escalation = new Escalation();
    private final Map<String, Rules> rules = new HashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "moderation bot: /msg Guard HELP";
    }

    @Override
    public boolean moderator() {
        return true;
    }

    @Override
    public void start(BotContext context) {
        this.ctx = context;
        this.log = new ModerationLog(context.settings());
        configure(context.config());
        // The first start enables the configured channels; later starts keep what operators chose.
        if (context.settings().get("initialized", null) == null) {
            for (String channel : config.getOrDefault("channels", "#lobby").split("[,\\s]+")) {
                if (!channel.isBlank()) context.settings().put(enabledKey(channel), "true");
            }
            context.settings().put("initialized", "true");
        }
        for (var e : context.settings().withPrefix("enabled.").entrySet()) {
            if ("true".equals(e.getValue())) context.join(e.getKey().substring("enabled.".length()));
        }
    }

    private void configure(Map<String, String> settings) {
        config = settings;
        try {
            steps = Step.parseAll(settings.getOrDefault("steps", Step.DEFAULT_STEPS));
        } catch (IllegalArgumentException e) {
            ctx.log("bot.Guard.steps: " + e.getMessage() + "; using " + Step.DEFAULT_STEPS);
            steps = Step.parseAll(Step.DEFAULT_STEPS);
        }
        try {
            forgive = Durations.parse(settings.getOrDefault("forgive", "1h"));
        } catch (IllegalArgumentException e) {
            ctx.log("bot.Guard.forgive: " + e.getMessage() + "; using 1h");
            forgive = Duration.ofHours(1);
        }
        rules.clear();
    }

    @Override
    public void onEvent(BotEvent event) {
        switch (event) {
            case BotEvent.Message m when m.channel() == null -> command(m);
            case BotEvent.Message m -> watch(m);
            case BotEvent.Parted p -> pace(p.channel()).forget(fold(p.nick()));
            case BotEvent.NickChanged n -> paces.values().forEach(pace -> pace.forget(fold(n.oldNick())));
            case BotEvent.Reconfigured r -> configure(r.settings());
            case BotEvent.Refused r -> ctx.log("refused " + r.command() + ": " + r.reason());
            default -> { }
        }
    }

    private void watch(BotEvent.Message m) {
        if (m.notice() || !enabled(m.channel()) || m.nick().equalsIgnoreCase(ctx.nick())) return;
        if (ctx.status(m.channel(), m.nick()).atLeast(MemberStatus.VOICED)) return;
        Rules r = rules(m.channel());
        Offence offence = pace(m.channel()).record(fold(m.nick()), m.text(), m.time(), r);
        if (offence == null) {
            Set<String> members = r.highlights() > 0 ? ctx.members(m.channel()) : Set.of();
            offence = Checks.check(r, m.text(), members, m.nick());
        }
        if (offence != null) punish(m, offence);
    }

    private void punish(BotEvent.Message m, Offence offence) {
        String host = m.userHost().substring(m.userHost().indexOf('@') + 1);
        String offender = m.account() != null ? "account:" + fold(m.account()) : "host:" + host;
        Step step = escalation.next(fold(m.channel()) + " " + offender, m.time(), steps, forgive);
        Step next = Escalation.after(step, steps);
        String mask = "*!*@" + host;
        String why = "Guard: " + offence.explanation() + " in " + m.channel() + ": " + step.describe()
                + (next == null ? "." : ". Next time: " + next.describe() + ".");
        ctx.notice(m.nick(), why);
        switch (step.kind()) {
            case WARN -> { }
            case QUIET -> ctx.quiet(m.channel(), mask, step.duration());
            case KICK -> ctx.kick(m.channel(), m.nick(), "Guard: " + offence.explanation());
            case BAN -> {
                ctx.ban(m.channel(), mask, step.duration());
                ctx.kick(m.channel(), m.nick(), "Guard: " + offence.explanation() + " (banned for "
                        + Durations.format(step.duration()) + ")");
            }
        }
        String entry = TIME.format(m.time()) + " " + m.prefix() + " " + offence.rule() + ": " + step.describe();
        log.add(fold(m.channel()), entry);
        ctx.log(m.channel() + " " + entry);
    }

    // HELP | ENABLE #chan | DISABLE #chan | RULES #chan | SET #chan RULE VALUE | LOG #chan
    private void command(BotEvent.Message m) {
        if (m.notice() || m.fromBot()) return;
        Commands c = Commands.parse(m.text());
        String channel = c.firstArg();
        switch (c.verb()) {
            case "HELP" -> help(m.nick());
            case "RULES" -> {
                if (!channel.startsWith("#")) {
                    ctx.notice(m.nick(), "Usage: RULES #channel");
                    return;
                }
                ctx.notice(m.nick(), "Guard in " + channel + ": " + (enabled(channel) ? "enabled" : "disabled"));
                for (String line : rules(channel).describe()) ctx.notice(m.nick(), "  " + line);
                ctx.notice(m.nick(), "  steps: " + String.join(", ", steps.stream().map(Step::describe).toList()));
            }
            case "ENABLE", "DISABLE", "SET", "LOG" -> {
                if (!channel.startsWith("#")) {
                    ctx.notice(m.nick(), "Usage: " + c.verb() + " #channel" + (c.verb().equals("SET") ? " RULE VALUE" : ""));
                    return;
                }
                if (!ctx.status(channel, m.nick()).atLeast(MemberStatus.OPERATOR) && !ctx.ircOperator(m.nick())) {
                    ctx.notice(m.nick(), "Only an operator of " + channel + " can do that.");
                    return;
                }
                operatorCommand(m.nick(), c, channel);
            }
            default -> ctx.notice(m.nick(), "Unknown command " + c.verb() + ". /msg " + ctx.nick() + " HELP");
        }
    }

    private void operatorCommand(String nick, Commands c, String channel) {
        switch (c.verb()) {
            case "ENABLE" -> {
                ctx.settings().put(enabledKey(channel), "true");
                ctx.join(channel);
                ctx.notice(nick, "Guard is now watching " + channel + ". RULES " + channel + " shows the rules.");
            }
            case "DISABLE" -> {
                ctx.settings().put(enabledKey(channel), "false");
                ctx.part(channel, "Disabled by " + nick);
                ctx.notice(nick, "Guard no longer watches " + channel + ".");
            }
            case "SET" -> set(nick, channel, c.afterFirstArg());
            default -> {
                List<String> entries = log.entries(fold(channel));
                if (entries.isEmpty()) ctx.notice(nick, "Guard has taken no action in " + channel + ".");
                else entries.forEach(e -> ctx.notice(nick, e));
            }
        }
    }

    private void set(String nick, String channel, String args) {
        Commands c = Commands.parse(args);
        String rule = c.verb().toLowerCase(Locale.ROOT);
        String value = c.rest();
        if (rule.isEmpty() || value.isEmpty()) {
            ctx.notice(nick, "Usage: SET " + channel + " RULE VALUE (rules: " + String.join(", ", Rules.NAMES)
                    + "; VALUE off disables one)");
            return;
        }
        try {
            Rules.validate(rule, value);
        } catch (IllegalArgumentException e) {
            ctx.notice(nick, "Not changed: " + e.getMessage());
            return;
        }
        ctx.settings().put("rule." + fold(channel) + "." + rule, value);
        rules.remove(fold(channel));
        ctx.notice(nick, "Rule " + rule + " in " + channel + " is now: " + value);
        log.add(fold(channel), TIME.format(ctx.clock().instant()) + " " + nick + " set " + rule + " to " + value);
    }

    private void help(String nick) {
        for (String line : List.of(
                "Guard keeps channels free of floods and spam. Operators and voiced members are exempt.",
                "RULES #chan             the rules and the steps (" + Step.DEFAULT_STEPS + " by default)",
                "ENABLE #chan / DISABLE #chan   start or stop watching a channel (its operators)",
                "SET #chan RULE VALUE    change a rule: flood 8/10s, repeat 3/60s, highlight 6, caps 75,",
                "                        links example.org,example.net (or none, or off), words spam;casino (or off)",
                "LOG #chan               the last actions taken in the channel (its operators)")) {
            ctx.notice(nick, line);
        }
    }

    private Rules rules(String channel) {
        return rules.computeIfAbsent(fold(channel), key -> {
            Map<String, String> own = new LinkedHashMap<>();
            String prefix = "rule." + key + ".";
            ctx.settings().withPrefix(prefix).forEach((k, v) -> own.put(k.substring(prefix.length()), v));
            return Rules.of(config, own);
        });
    }

    private Pace pace(String channel) {
        return paces.computeIfAbsent(fold(channel), k -> new Pace());
    }

    private boolean enabled(String channel) {
        return "true".equals(ctx.settings().get(enabledKey(channel), "false"));
    }

    private static String enabledKey(String channel) {
        return "enabled." + fold(channel);
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** For tests: the step the next offence of this offender would get. */
    int offences(String channel, String offender) {
        return escalation.count(fold(channel) + " " + offender);
    }
}
