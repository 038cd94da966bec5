package chat.bots.fun;

import chat.bots.Commands;
import chat.server.spi.Bot;
import chat.server.spi.BotContext;
import chat.server.spi.BotEvent;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * The entertainment bot: {@code !roll 2d6} rolls dice (fairly: a secure random source), {@code !seen nick}
 * says when someone was last seen saying or doing something in the bot's channels (kept across restarts).
 *
 * <p>Config ({@code bot.Fun.*}): {@code channels} (default {@code #lobby}).
 */
public final class Fun implements Bot {

    private final RandomGenerator random;
    private BotContext ctx;

    public Fun() {
        this(new SecureRandom());
    }

    Fun(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public String name() {
        return "Fun";
    }

    @Override
    public String description() {
        return "games: !roll 2d6, !seen nick";
    }

    @Override
    public void start(BotContext context) {
        this.ctx = context;
        for (String channel : context.config().getOrDefault("channels", "#lobby").split("[,\\s]+")) {
            if (!channel.isBlank()) context.join(channel);
        }
    }

    @Override
    public void onEvent(BotEvent event) {
        switch (event) {
            case BotEvent.Message m when m.channel() != null -> {
                seen(m.nick(), m.time(), (m.action() ? "acting in " : "saying something in ") + m.channel());
                if (!m.fromBot() && !m.notice() && m.text().startsWith("!")) command(m);
            }
            case BotEvent.Message m when !m.fromBot() && !m.notice() ->
                    ctx.notice(m.nick(), "Say !roll 2d6 or !seen nick in a channel where I am.");
            case BotEvent.Joined j -> seen(j.nick(), j.time(), "joining " + j.channel());
            case BotEvent.Parted p -> seen(p.nick(), p.time(), (p.kickedBy() == null ? "leaving " : "being kicked from ")
                    + p.channel());
            case BotEvent.Quit q -> seen(q.nick(), q.time(), "quitting (" + q.reason() + ")");
            case BotEvent.NickChanged n -> {
                seen(n.oldNick(), n.time(), "changing nickname to " + n.newNick());
                seen(n.newNick(), n.time(), "changing nickname from " + n.oldNick());
            }
            default -> { }
        }
    }

    private void command(BotEvent.Message m) {
        Commands c = Commands.parse(m.text());
        switch (c.verb()) {
            case "ROLL" -> roll(m, c.rest().isEmpty() ? "1d6" : c.firstArg());
            case "SEEN" -> lastSeen(m, c.firstArg());
            default -> { }
        }
    }

    private void roll(BotEvent.Message m, String notation) {
        try {
            Dice dice = Dice.parse(notation);
            List<Integer> faces = dice.roll(random);
            String detail = faces.size() == 1 && dice.modifier() == 0 ? ""
                    : " (" + faces.stream().map(String::valueOf).collect(Collectors.joining(" + "))
                    + (dice.modifier() == 0 ? "" : (dice.modifier() > 0 ? " + " : " - ") + Math.abs(dice.modifier())) + ")";
            ctx.say(m.channel(), m.nick() + " rolls " + dice + ": " + dice.total(faces) + detail);
        } catch (IllegalArgumentException e) {
            ctx.say(m.channel(), m.nick() + ": " + e.getMessage());
        }
    }

    private void lastSeen(BotEvent.Message m, String nick) {
        if (nick.isEmpty()) {
            ctx.say(m.channel(), "Usage: !seen nick");
            return;
        }
        if (nick.equalsIgnoreCase(m.nick())) {
            ctx.say(m.channel(), m.nick() + ": you are right here.");
            return;
        }
        String record = ctx.settings().get(key(nick), null);
        if (record == null) {
            ctx.say(m.channel(), "I have not seen " + nick + ".");
            return;
        }
        int bar = record.indexOf('|');
        Instant when = Instant.ofEpochMilli(Long.parseLong(record.substring(0, bar)));
        ctx.say(m.channel(), nick + " was last seen " + ago(Duration.between(when, ctx.clock().instant())) + " ago, "
                + record.substring(bar + 1) + ".");
    }

    private void seen(String nick, Instant time, String what) {
        if (nick.equalsIgnoreCase(ctx.nick())) return;
        ctx.settings().put(key(nick), time.toEpochMilli() + "|" + what);
    }

    private static String key(String nick) {
        return "seen." + nick.toLowerCase(Locale.ROOT);
    }

    static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) return s + (s == 1 ? " second" : " seconds");
        long m = s / 60;
        if (m < 60) return m + (m == 1 ? " minute" : " minutes");
        long h = m / 60;
        if (h < 48) return h + (h == 1 ? " hour" : " hours") + (m % 60 == 0 ? "" : " " + m % 60 + " min");
        return h / 24 + " days";
    }
}
