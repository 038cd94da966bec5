package chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** The ADMIN settings from flags, with the defaults for what is not given. */
class MainAdminTest {

    private static ServerConfig parse(String... args) throws IOException {
        return Main.parse(args, new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void adminFlagsFillAdminAndTheRestKeepsItsDefaults() throws IOException {
        ServerConfig config = parse("--admin-location", "Lyon, France", "--admin-email=root@chat.example");
        assertThat(config.admin()).isEqualTo(new ServerConfig.Admin("Lyon, France",
                ServerConfig.Admin.DEFAULT.info(), "root@chat.example"));
        assertThat(parse().admin()).isEqualTo(ServerConfig.Admin.DEFAULT);
    }

    @Test
    void anAdminThatIsNullIsRefused() {
        assertThatThrownBy(() -> ServerConfig.defaults().withAdmin(null)).isInstanceOf(NullPointerException.class);
    }
}
