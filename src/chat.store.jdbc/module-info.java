/**
 * What every JDBC store shares: the group-commit writer, reads, the migration runner, retention and the
 * tables' statements. Exported only to the store modules built on it.
 */
module chat.store.jdbc {
    requires transitive chat.server;
    requires transitive java.sql;
    exports chat.store.jdbc to chat.store, chat.store.postgres;
}
