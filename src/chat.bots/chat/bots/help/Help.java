package chat.bots.help;

import chat.bots.Commands;
import chat.server.spi.Bot;
import chat.server.spi.BotContext;
import chat.server.spi.BotContext.MemberStatus;
import chat.server.spi.BotEvent;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The help bot: answers {@code !help}, {@code !rules} and {@code !faq [entry]} in its channels, and greets
 * newcomers once per account (or host) per day. It never answers or greets another bot, so two bots cannot
 * talk to each other in a loop.
 *
 * <p>Config ({@code bot.Help.*}): {@code channels} (default {@code #lobby}), {@code greeting} ({@code {nick}}
 * and {@code {channel}} are filled in; {@code off} turns greetings off), {@code rules} (the default rules
 * text), {@code faq.NAME} entries. A channel's operators set its own rules with {@code /msg Help RULES #chan text}.
 */
public final class Help implements Bot {

    static final String DEFAULT_GREETING = "Welcome to {channel}, {nick}! Say !help to see what the bots here can do.";
    static final String DEFAULT_RULES = "Be kind, stay on topic, no spam or flooding. Guard enforces the last part.";

    private BotContext ctx;
    private Map<String, String> config = Map.of();

    @Override
    public String name() {
        return "Help";
    }

    @Override
    public String description() {
        return "help bot: !help, !rules, !faq";
    }

    @Override
    public void start(BotContext context) {
        this.ctx = context;
        this.config = context.config();
        for (String channel : config.getOrDefault("channels", "#lobby").split("[,\\s]+")) {
            if (!channel.isBlank()) context.join(channel);
        }
    }

    @Override
    public void onEvent(BotEvent event) {
        switch (event) {
            case BotEvent.Message m when !m.fromBot() && !m.notice() -> message(m);
            case BotEvent.Joined j when !j.fromBot() && !j.nick().equalsIgnoreCase(ctx.nick()) -> greet(j);
            case BotEvent.Reconfigured r -> config = r.settings();
            default -> { }
        }
    }

    private void message(BotEvent.Message m) {
        String text = m.text().strip();
        if (m.channel() == null) {
            privateCommand(m, Commands.parse(text));
            return;
        }
        if (!text.startsWith("!")) return;
        Commands c = Commands.parse(text);
        switch (c.verb()) {
            case "HELP" -> ctx.say(m.channel(), "Commands here: !help, !rules, !faq [entry], !roll 2d6, !seen nick. "
                    + "Moderation: /msg Guard HELP. Your client: /help.");
            case "RULES" -> ctx.say(m.channel(), "Rules of " + m.channel() + ": " + rules(m.channel()));
            case "FAQ" -> faq(m.channel(), c.rest());
            default -> { }
        }
    }

    // RULES #chan text (the channel's operators) | HELP
    private void privateCommand(BotEvent.Message m, Commands c) {
        if (c.verb().equals("RULES") && c.firstArg().startsWith("#")) {
            String channel = c.firstArg();
            if (c.afterFirstArg().isEmpty()) {
                ctx.notice(m.nick(), "Rules of " + channel + ": " + rules(channel));
            } else if (ctx.status(channel, m.nick()).atLeast(MemberStatus.OPERATOR) || ctx.ircOperator(m.nick())) {
                ctx.settings().put("rules." + fold(channel), c.afterFirstArg());
                ctx.notice(m.nick(), "Rules of " + channel + " set.");
            } else {
                ctx.notice(m.nick(), "Only an operator of " + channel + " can set its rules.");
            }
            return;
        }
        ctx.notice(m.nick(), "In a channel: !help, !rules, !faq [entry]. Here: RULES #chan [text] (operators set them).");
    }

    private void faq(String channel, String entry) {
        Map<String, String> entries = new TreeMap<>();
        config.forEach((k, v) -> {
            if (k.startsWith("faq.")) entries.put(k.substring(4).toLowerCase(Locale.ROOT), v);
        });
        if (entry.isEmpty()) {
            ctx.say(channel, entries.isEmpty() ? "No FAQ entries yet."
                    : "FAQ entries: " + String.join(", ", entries.keySet()) + " (say !faq ENTRY)");
            return;
        }
        String answer = entries.get(entry.toLowerCase(Locale.ROOT).split("\\s+")[0]);
        ctx.say(channel, answer == null ? "No FAQ entry " + entry + ". Entries: " + String.join(", ", entries.keySet())
                : answer);
    }

    private void greet(BotEvent.Joined j) {
        String greeting = config.getOrDefault("greeting", DEFAULT_GREETING);
        if (greeting.isBlank() || greeting.strip().equalsIgnoreCase("off")) return;
        String who = j.account() != null ? "account:" + fold(j.account())
                : "host:" + j.userHost().substring(j.userHost().indexOf('@') + 1);
        String key = "greeted." + fold(j.channel()) + "." + who;
        String today = LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC).toString();
        if (today.equals(ctx.settings().get(key, null))) return;
        ctx.settings().put(key, today);
        ctx.notice(j.nick(), greeting.replace("{nick}", j.nick()).replace("{channel}", j.channel()));
    }

    private String rules(String channel) {
        return ctx.settings().get("rules." + fold(channel), config.getOrDefault("rules", DEFAULT_RULES));
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
