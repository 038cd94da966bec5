package chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "a", "Z", "alice", "Alice99", "a-b", "a1-2-3", "[away]", "`tick", "_under", "^caret", "{brace}", "|pipe",
        "\\back", "x]", "nick_", "abcdefghijklmnopqrstuvwxyzabcd"})
    void acceptsRfc2812Nicknames(String nick) {
        assertThat(Names.isValidNick(nick)).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {
        "1abc", "-dash", "9", "a b", "a,b", "a!b", "a@b", "a.b", "a*", "a?", "#chan", ":colon", "a:b", "~tilde",
        "caf\u00e9", "\u00e9", "a\tb", "a\u0000", "abcdefghijklmnopqrstuvwxyzabcde"})
    void refusesOtherNicknames(String nick) {
        assertThat(Names.isValidNick(nick)).isFalse();
    }

    @Test
    void nickLengthLimitIsThirty() {
        assertThat(Names.NICKLEN).isEqualTo(30);
        assertThat(Names.isValidNick("n".repeat(Names.NICKLEN))).isTrue();
        assertThat(Names.isValidNick("n".repeat(Names.NICKLEN + 1))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"#a", "#lobby", "##", "#a-b.c", "#Caps", "#caf\u00e9", "#!@$%", "#\u2603", "#a[b]"})
    void acceptsChannelNames(String name) {
        assertThat(Names.isValidChannel(name)).isTrue();
        assertThat(Names.isChannel(name)).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"#", "lobby", "&local", "+modeless", "!safe", "#a b", "#a,b", "#a\u0007b", "#a\u0000",
        "#a\rb", "#a\nb", "#a:b"})
    void refusesOtherChannelNames(String name) {
        assertThat(Names.isValidChannel(name)).isFalse();
    }

    @Test
    void channelLengthLimitIsFiftyWithThePrefix() {
        assertThat(Names.CHANNELLEN).isEqualTo(50);
        assertThat(Names.isValidChannel("#" + "c".repeat(Names.CHANNELLEN - 1))).isTrue();
        assertThat(Names.isValidChannel("#" + "c".repeat(Names.CHANNELLEN))).isFalse();
    }

    @Test
    void isChannelOnlyLooksAtThePrefix() {
        assertThat(Names.CHANTYPES).isEqualTo("#");
        assertThat(Names.isChannel("#")).isTrue();
        assertThat(Names.isChannel("# bad")).isTrue();
        assertThat(Names.isChannel("alice")).isFalse();
        assertThat(Names.isChannel("&a")).isFalse();
        assertThat(Names.isChannel("")).isFalse();
        assertThat(Names.isChannel(null)).isFalse();
    }
}
