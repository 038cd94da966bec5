/** A store on PostgreSQL that several servers share, behind the server's store SPI ({@code postgresql://} URLs). */
module chat.store.postgres {
    requires chat.store.jdbc;
    requires com.zaxxer.hikari;
    requires org.postgresql.jdbc; // made an explicit module at build time (build.sh explicit_module)
    provides chat.server.spi.StoreProvider with chat.store.postgres.PostgresStoreProvider;
}
