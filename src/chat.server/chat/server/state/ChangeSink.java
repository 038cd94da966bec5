package chat.server.state;

/** Turns announced changes into lines for their audience (the delivery package implements it). */
@FunctionalInterface
public interface ChangeSink {

    /** Delivers {@code announcement}; {@code echo} (or null) takes one user's copy. Called without any lock. */
    void deliver(Announcement announcement, Echo echo);
}
