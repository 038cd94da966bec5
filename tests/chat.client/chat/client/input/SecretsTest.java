package chat.client.input;

import static org.assertj.core.api.Assertions.assertThat;

import chat.protocol.IrcMessage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private final InputParser parser = new InputParser();

    @Test
    void loginAndRegisterWithoutAPasswordAskForOne() {
        assertThat(Secrets.needsPassword("/login")).isTrue();
        assertThat(Secrets.needsPassword("/login alice")).isTrue();
        assertThat(Secrets.needsPassword("/login alice pw")).isFalse();
        assertThat(Secrets.needsPassword("/register")).isTrue();
        assertThat(Secrets.needsPassword("/register pw")).isFalse();
        assertThat(Secrets.needsPassword("hello")).isFalse();
        assertThat(Secrets.withPassword("/login", "pw")).isEqualTo("/login pw");
        assertThat(Secrets.withPassword("/login alice", "pw")).isEqualTo("/login alice pw");
        assertThat(Secrets.withPassword("/register", "pw")).isEqualTo("/register pw");
    }

    @Test
    void commandsBecomeRegisterNickServAndChathistory() {
        assertThat(send("/register secret1 a@b.c")).containsExactly(IrcMessage.of("REGISTER", "*", "a@b.c", "secret1"));
        assertThat(send("/register secret1")).containsExactly(IrcMessage.of("REGISTER", "*", "*", "secret1"));
        assertThat(send("/login alice secret1")).containsExactly(IrcMessage.of("NICKSERV", "IDENTIFY", "alice", "secret1"));
        assertThat(send("/login secret1")).containsExactly(IrcMessage.of("NICKSERV", "IDENTIFY", "secret1"));
        assertThat(send("/history")).containsExactly(IrcMessage.of("CHATHISTORY", "LATEST", "#lobby", "*", "20"));
        assertThat(send("/history 5")).containsExactly(IrcMessage.of("CHATHISTORY", "LATEST", "#lobby", "*", "5"));
        assertThat(send("/history bob 7")).containsExactly(IrcMessage.of("CHATHISTORY", "LATEST", "bob", "*", "7"));
        assertThat(parser.parse("/history bob many", "#lobby")).isInstanceOf(Input.Problem.class);
    }

    @Test
    void saslPlainIsChunkedAt400Bytes() {
        List<String> chunks = Secrets.plainChunks("alice", "p".repeat(400));
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0)).hasSize(400);
        String decoded = new String(Base64.getDecoder().decode(String.join("", chunks)), StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo("\0alice\0" + "p".repeat(400));
        assertThat(Secrets.plainChunks("a", "bcdefghi")).hasSize(1);
    }

    private List<IrcMessage> send(String line) {
        return ((Input.Send) parser.parse(line, "#lobby")).messages();
    }
}
