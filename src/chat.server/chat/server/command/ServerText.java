package chat.server.command;

import chat.protocol.Numeric;
import chat.server.ServerConfig;
import chat.server.reply.NumericLine;
import chat.server.service.ServerInfo;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * #17: the replies that are the same for every client but for their target, RPL_YOURHOST to RPL_ISUPPORT and the
 * MOTD, encoded once per configuration (a REHASH makes a new one) instead of once per registration.
 */
final class ServerText {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The lines of one server and one configuration. */
    private record Lines(ServerInfo server, ServerConfig config, List<NumericLine> intro, List<NumericLine> motd) {
    }

    // Built again by whichever thread first sees a new configuration; two threads may both build it, harmlessly.
    private volatile Lines current;

    /** RPL_YOURHOST, RPL_CREATED, RPL_MYINFO and the RPL_ISUPPORT lines, in order. */
    List<NumericLine> intro(ServerInfo server) {
        return lines(server).intro();
    }

    /** The MOTD's replies (RPL_MOTDSTART, RPL_MOTD..., RPL_ENDOFMOTD, or ERR_NOMOTD when there is none). */
    List<NumericLine> motd(ServerInfo server) {
        return lines(server).motd();
    }

    private Lines lines(ServerInfo server) {
        ServerConfig config = server.config();
        Lines lines = current;
        if (lines == null || lines.server() != server || lines.config() != config) {
            lines = build(server, config);
            current = lines;
        }
        return lines;
    }

    private static Lines build(ServerInfo server, ServerConfig config) {
        String name = config.serverName();
        List<NumericLine> intro = new ArrayList<>();
        intro.add(new NumericLine(name, Numeric.RPL_YOURHOST, "Your host is " + name + ", running version " + server.version()));
        intro.add(new NumericLine(name, Numeric.RPL_CREATED, "This server was created " + CREATED.format(server.startedAt())));
        intro.add(new NumericLine(name, Numeric.RPL_MYINFO, name, server.version(), ModeString.USER_MODES,
                ModeString.allChannelModes(), ModeString.channelModesWithParam()));
        for (String[] params : ISupport.lines(config)) intro.add(new NumericLine(name, Numeric.RPL_ISUPPORT, params));
        List<NumericLine> motd = new ArrayList<>();
        if (config.motd().isEmpty()) {
            motd.add(new NumericLine(name, Numeric.ERR_NOMOTD, "MOTD File is missing"));
        } else {
            motd.add(new NumericLine(name, Numeric.RPL_MOTDSTART, "- " + name + " Message of the day - "));
            for (String line : config.motd()) motd.add(new NumericLine(name, Numeric.RPL_MOTD, "- " + line));
            motd.add(new NumericLine(name, Numeric.RPL_ENDOFMOTD, "End of /MOTD command."));
        }
        return new Lines(server, config, List.copyOf(intro), List.copyOf(motd));
    }
}
