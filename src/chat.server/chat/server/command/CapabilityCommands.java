package chat.server.command;

import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.protocol.Names;
import chat.protocol.Numeric;
import chat.server.state.User;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** IRCv3 capability negotiation (CAP LS/LIST/REQ/END, version 302) and SETNAME. */
final class CapabilityCommands {

    /** Longest CAP LS line's capability list before it continues on another line (302 multiline). */
    static final int MAX_CAP_LIST_BYTES = 400;

    private final RegistrationCommands registration;

    CapabilityCommands(RegistrationCommands registration) {
        this.registration = registration;
    }

    // CAP LS [<version>] | CAP LIST | CAP REQ :<cap> {<cap>} | CAP END
    void cap(Context ctx, IrcMessage m) {
        User s = ctx.user();
        switch (m.param(0).toUpperCase(Locale.ROOT)) {
            case "LS" -> {
                if (!s.registered()) ctx.link().setCapNegotiating(true);
                ls(ctx, offered(ctx, m.param(1)), is302(m.param(1)));
            }
            case "LIST" -> {
                List<String> enabled = new ArrayList<>();
                for (Capability c : Capability.values()) {
                    if (s.has(c)) enabled.add(c.wireName());
                }
                ctx.reply().fromServer("CAP", s.target(), "LIST", String.join(" ", enabled));
            }
            case "REQ" -> {
                if (!s.registered()) ctx.link().setCapNegotiating(true);
                req(ctx, m.param(1) == null ? "" : m.param(1));
            }
            case "END" -> {
                if (s.registered()) return;
                ctx.link().setCapNegotiating(false);
                registration.completeRegistration(ctx);
            }
            default -> ctx.reply().numeric(Numeric.ERR_INVALIDCAPCMD, m.param(0), "Invalid CAP subcommand");
        }
    }

    // SETNAME :<realname>
    void setname(Context ctx, IrcMessage m) {
        String realname = m.param(0);
        if (realname.isBlank() || realname.getBytes(StandardCharsets.UTF_8).length > Names.NAMELEN) {
            ctx.reply().standard("FAIL", "SETNAME", "INVALID_REALNAME",
                    "Real name must be 1 to " + Names.NAMELEN + " bytes");
            return;
        }
        User s = ctx.user();
        ctx.registry().settings().changeRealname(ctx.user(), realname, ctx.echo());
    }

    private static boolean is302(String version) {
        if (version == null || !version.matches("\\d+")) return false;
        String digits = version.replaceFirst("^0+(?=\\d)", ""); // any number of digits: CAP LS 99999999999
        return digits.length() > 3 || Integer.parseInt(digits) >= 302;
    }

    private static List<String> offered(Context ctx, String version) {
        boolean values = is302(version);
        List<String> names = new ArrayList<>();
        for (Capability c : Capability.values()) {
            if (!AccountCapabilities.offered(ctx, c)) continue;
            String value = values ? AccountCapabilities.value(ctx, c) : null;
            names.add(value == null ? c.wireName() : c.wireName() + "=" + value);
        }
        return names;
    }

    /** CAP LS; continued on more lines ({@code LS *}) only for a 302 client, which knows that form. */
    private static void ls(Context ctx, List<String> caps, boolean multiline) {
        String target = ctx.user().target();
        StringBuilder line = new StringBuilder();
        for (String cap : caps) {
            if (multiline && line.length() > 0 && line.length() + 1 + cap.length() > MAX_CAP_LIST_BYTES) {
                ctx.reply().fromServer("CAP", target, "LS", "*", line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(cap);
        }
        ctx.reply().fromServer("CAP", target, "LS", line.toString());
    }

    /** Enables and disables the requested capabilities all together, or none if any is unknown. */
    private static void req(Context ctx, String request) {
        User s = ctx.user();
        int bits = s.capabilityBits();
        for (String token : request.trim().split(" +")) {
            if (token.isEmpty()) continue;
            boolean remove = token.startsWith("-");
            Capability c = Capability.ofWireName(remove ? token.substring(1) : token);
            if (c == null || !AccountCapabilities.offered(ctx, c)) {
                ctx.reply().fromServer("CAP", s.target(), "NAK", request);
                return;
            }
            bits = remove ? bits & ~c.bit() : bits | c.bit();
        }
        ctx.link().setCapabilityBits(bits);
        ctx.reply().fromServer("CAP", s.target(), "ACK", request);
    }
}
