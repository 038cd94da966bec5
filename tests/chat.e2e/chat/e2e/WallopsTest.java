package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * WALLOPS over the wire: operators only, and nobody without user mode +w gets it. (There is no MODE command
 * to set +w yet; the audience itself is checked in chat.server's OperCommandsTest.)
 */
@Tag("RFC2812")
class WallopsTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(Opers::withAdmin);

    @Test
    void reachesNoOneWithoutPlusW() {
        TestClient op = Opers.operUp(server.connect("op"));
        TestClient user = server.connect("user");
        op.expect("JOIN", "#lobby");
        op.send("WALLOPS :server restart at noon");
        assertThat(op.drain()).isEmpty();
        assertThat(user.drain()).noneMatch(m -> m.command().equals("WALLOPS"));
        user.send("WALLOPS :me too");
        assertThat(user.drain()).extracting(IrcMessage::command).containsExactly("481");
        op.send("WALLOPS :");
        op.expect("461", "op", "WALLOPS");
    }
}
