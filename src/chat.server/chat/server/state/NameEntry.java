package chat.server.state;

import chat.server.change.Identity;

/**
 * One member as NAMES shows it.
 *
 * @param prefixes the member's channel prefixes in rank order ("@+", "@", "+" or "")
 * @param identity who the member is
 */
public record NameEntry(String prefixes, Identity identity) {
}
