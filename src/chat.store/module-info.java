/** The embedded default store: one SQLite database file (WAL mode) behind the server's store SPI. */
module chat.store {
    requires chat.store.jdbc;
    requires org.xerial.sqlitejdbc;
    provides chat.server.spi.StoreProvider with chat.store.SqliteStoreProvider;
}
