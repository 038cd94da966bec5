package chat.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.server.spi.ChannelMask;
import chat.server.spi.ChannelSettings;
import chat.server.state.MaskEntry;
import chat.server.state.SavedChannel;
import chat.server.state.Topic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegisteredChannelsTest {

    @Test
    void settingsRoundTripThroughTheStoreForm() {
        SavedChannel c = new SavedChannel("#Club", "alice", new Topic("hi there", "alice!a@h", 1_700_000_000L), "imt",
                "sesame", 0, Map.of('b', List.of(new MaskEntry("x!*@*", "alice", 1_700_000_001L))), 1_600_000_000L);
        ChannelSettings stored = RegisteredChannels.toStore("#club", c);
        assertThat(stored.modes()).isEqualTo("+imtk sesame");
        assertThat(stored.topicSetMillis()).isEqualTo(1_700_000_000_000L);
        SavedChannel back = RegisteredChannels.fromStore(new ChannelSettings("#club", "#Club", "alice", "hi there",
                "alice!a@h", 1_700_000_000_000L, "+imtkl key 5", 1_600_000_000_000L),
                List.of(new ChannelMask('q', "n!*@*", "alice", 1_700_000_002_000L)));
        assertThat(back.flags()).isEqualTo("imt");
        assertThat(back.key()).isEqualTo("key");
        assertThat(back.limit()).isEqualTo(5);
        assertThat(back.topic()).isEqualTo(new Topic("hi there", "alice!a@h", 1_700_000_000L));
        assertThat(back.list('q')).containsExactly(new MaskEntry("n!*@*", "alice", 1_700_000_002L));
        assertThat(back.list('b')).isEmpty();
        assertThat(back.modeString()).isEqualTo("+imtkl key 5");
        assertThat(back.createdAtSeconds()).isEqualTo(1_600_000_000L);
    }

    @Test
    void unknownModesAreRefused() {
        assertThatThrownBy(() -> RegisteredChannels.fromStore(new ChannelSettings("#c", "#c", "a", null, null, 0, "+z", 0),
                List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
