/**
 * The vocabulary of state changes: {@link chat.server.change.Change} and the values it carries. The registry
 * makes every change and hands it to delivery and to the {@link chat.server.spi.ChangeListener}s.
 */
package chat.server.change;
