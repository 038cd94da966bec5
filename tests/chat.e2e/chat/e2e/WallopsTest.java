package chat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WALLOPS: operators only; it reaches exactly the users with user mode +w, the sender too if it has +w. */
@Tag("RFC2812")
class WallopsTest {

    @RegisterExtension
    final ServerExtension server = ServerExtension.withConfig(Opers::withAdmin);

    @Test
    void reachesExactlyTheUsersWithPlusW() {
        TestClient op = Opers.operUp(server.connect("op"));
        TestClient watcher = server.connect("watcher");
        TestClient user = server.connect("user");
        watcher.send("MODE watcher +w");
        watcher.expect("MODE", "watcher", "+w");
        op.send("WALLOPS :server restart at noon");
        IrcMessage wallops = watcher.expect("WALLOPS", "server restart at noon");
        assertThat(wallops.source()).isEqualTo("op!~op@127.0.0.1");
        assertThat(op.drain()).noneMatch(m -> m.command().equals("WALLOPS"));
        assertThat(user.drain()).noneMatch(m -> m.command().equals("WALLOPS"));

        op.send("MODE op +w");
        op.expect("MODE", "op", "+w");
        op.send("WALLOPS :again");
        op.expect("WALLOPS", "again");
        watcher.expect("WALLOPS", "again");
        assertThat(user.drain()).noneMatch(m -> m.command().equals("WALLOPS"));
    }

    @Test
    void onlyOperatorsMaySendIt() {
        TestClient op = Opers.operUp(server.connect("op"));
        TestClient user = server.connect("user");
        user.send("WALLOPS :me too");
        assertThat(user.drain()).extracting(IrcMessage::command).containsExactly("481");
        op.send("WALLOPS :");
        op.expect("461", "op", "WALLOPS");
    }
}
