package chat.store;

/** A store operation that failed for a reason the caller cannot fix (disk, corruption). */
final class StoreFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
