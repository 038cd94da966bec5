/**
 * The service-provider interface a persistent store implements ({@code provides chat.server.spi.StoreProvider}):
 * accounts, message history, channel settings and server bans. The server finds a provider with
 * {@link java.util.ServiceLoader}, the one whose URL scheme matches {@code --store}, and runs without one (no
 * accounts, no history).
 *
 * <p>Threading contract for every implementation: reads run on the caller's thread and may block briefly;
 * writes return a {@link java.util.concurrent.CompletableFuture} that completes once the write is committed
 * (durable), and never block the caller. Futures complete on the store's writer thread, so their callbacks
 * must only hand work on (offer to a queue), never block. A store that cannot reach its database throws (or
 * completes futures with) {@link chat.server.spi.StoreUnavailableException}, never another exception type.
 */
package chat.server.spi;
