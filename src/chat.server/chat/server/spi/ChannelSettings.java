package chat.server.spi;

import java.util.Objects;

/**
 * What a registered channel keeps across restarts.
 *
 * @param key            the folded channel name
 * @param name           the name as created
 * @param ownerAccount   the account that registered it
 * @param topic          the topic, or null
 * @param topicSetBy     who set it, or null
 * @param topicSetMillis when, or 0
 * @param modes          the simple mode letters and parameters, e.g. {@code "+ntk key"}
 * @param createdMillis  when the channel was registered
 */
public record ChannelSettings(String key, String name, String ownerAccount, String topic, String topicSetBy,
                              long topicSetMillis, String modes, long createdMillis) {

    public ChannelSettings {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modes, "modes");
    }
}
