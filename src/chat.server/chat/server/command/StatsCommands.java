package chat.server.command;

import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.server.limit.BanEntry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** STATS for IRC operators: uptime, command counts, K- and D-lines, connections by transport. */
final class StatsCommands {

    // STATS <query> [<server>]
    void stats(Context ctx, IrcMessage m) {
        String query = m.param(0);
        char letter = query.isEmpty() ? '*' : query.charAt(0);
        var reply = ctx.reply();
        switch (letter) {
            case 'u' -> {
                Duration up = Duration.between(ctx.server().startedAt(), ctx.server().clock().instant());
                reply.numeric(Numeric.RPL_STATSUPTIME, String.format(Locale.ROOT, "Server Up %d days %d:%02d:%02d",
                        up.toDays(), up.toHoursPart(), up.toMinutesPart(), up.toSecondsPart()));
            }
            case 'm' -> {
                for (Map.Entry<String, Long> e : ctx.server().stats().commands().entrySet()) {
                    reply.numeric(Numeric.RPL_STATSCOMMANDS, e.getKey(), Long.toString(e.getValue()), "0", "0");
                }
            }
            case 'k', 'K' -> bans(ctx, BanEntry.Kind.KLINE, Numeric.RPL_STATSKLINE, "K");
            case 'd', 'D' -> bans(ctx, BanEntry.Kind.DLINE, Numeric.RPL_STATSDLINE, "D");
            case 'l', 'L' -> {
                // One node today: its connections by transport (tcp, tls, websocket).
                for (Map.Entry<String, Integer> e : ctx.server().stats().connectionsByTransport().entrySet()) {
                    reply.numeric(Numeric.RPL_STATSLINKINFO, ctx.server().name() + "[" + e.getKey() + "]",
                            Integer.toString(e.getValue()), "connections");
                }
            }
            default -> reply.numeric(Numeric.RPL_TRYAGAIN, "STATS", "Unknown STATS query: u, m, k, d or l");
        }
        reply.numeric(Numeric.RPL_ENDOFSTATS, String.valueOf(letter), "End of /STATS report");
    }

    private static void bans(Context ctx, BanEntry.Kind kind, Numeric numeric, String letter) {
        long now = ctx.server().clock().millis() / 1000;
        for (BanEntry ban : ctx.server().bans().entries()) {
            if (ban.kind() != kind || ban.expired(now)) continue;
            String expires = ban.expiresAtSeconds() == 0 ? "permanent" : "expires in " + (ban.expiresAtSeconds() - now) + " s";
            ctx.reply().numeric(numeric, letter, ban.mask(), ban.reason() + " (set by " + ban.setBy() + ", " + expires + ")");
        }
    }
}
