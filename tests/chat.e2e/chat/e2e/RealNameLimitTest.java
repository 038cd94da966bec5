package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** #10 (9): one advertised real name limit, NAMELEN, for USER and SETNAME. */
@Tag("security")
class RealNameLimitTest {

    static final int NAMELEN = 100;

    @RegisterExtension
    final ServerExtension server = new ServerExtension();

    private TestClient registerWithRealName(String nick, String realname) {
        TestClient c = server.open();
        c.send("NICK " + nick);
        c.send("USER u 0 * :" + realname);
        c.expect("001", nick);
        return c;
    }

    @Test
    void userWithA470CharacterRealNameIsCutToTheAdvertisedLimit() {
        TestClient attacker = registerWithRealName("longname", "r".repeat(470));
        IrcMessage isupport = attacker.expect("005", "longname");
        while (isupport.params().stream().noneMatch(p -> p.startsWith("NAMELEN="))) {
            isupport = attacker.expect("005", "longname");
        }
        assertThat(isupport.params()).contains("NAMELEN=" + NAMELEN);

        TestClient asker = server.connect("asker");
        asker.send("WHOIS longname");
        IrcMessage whois = asker.expect("311", "asker", "longname");
        assertThat(whois.last()).isEqualTo("r".repeat(NAMELEN));
        asker.send("WHO longname");
        assertThat(asker.expect("352", "asker").last()).isEqualTo("0 " + "r".repeat(NAMELEN));
    }

    @Test
    void multiByteRealNamesAreCutOnACharacterBoundary() {
        registerWithRealName("utf", "é".repeat(200));
        TestClient asker = server.connect("asker");
        asker.send("WHOIS utf");
        String shown = asker.expect("311", "asker", "utf").last();
        assertThat(shown).isEqualTo("é".repeat(NAMELEN / 2));
        assertThat(shown.getBytes(StandardCharsets.UTF_8)).hasSize(NAMELEN);
    }

    @Test
    void setnameAcceptsExactlyTheLimitAndRefusesOneByteMore() {
        TestClient c = server.connectWithCaps("renamer", "setname");
        c.send("SETNAME :" + "s".repeat(NAMELEN));
        assertThat(c.expect("SETNAME").last()).hasSize(NAMELEN);
        c.send("SETNAME :" + "s".repeat(NAMELEN - 1) + "é");
        c.expect("FAIL", "SETNAME", "INVALID_REALNAME");
        c.send("SETNAME :" + "s".repeat(470));
        c.expect("FAIL", "SETNAME", "INVALID_REALNAME");
    }
}
