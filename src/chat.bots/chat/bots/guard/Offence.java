package chat.bots.guard;

/** A broken rule: its name and what the user is told. */
public record Offence(String rule, String explanation) {
}
