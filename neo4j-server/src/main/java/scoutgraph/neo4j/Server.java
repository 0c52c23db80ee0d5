package scoutgraph.neo4j;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A Neo4j 5 server for local use: the embedded database with only the Bolt connector, on loopback.
 * Authentication is off unless the environment variable SCOUTGRAPH_NEO4J_PASSWORD is set: then it is
 * on and user {@code neo4j} has that password (read from the environment, never from the command
 * line, so that it does not show in the process list). It runs until SIGTERM/SIGINT, then shuts the
 * database down cleanly. The function {@code scoutgraph.serverNonce()} returns the system property
 * {@code scoutgraph.nonce} (see {@link ServerNonce}).
 *
 * <p>Usage: {@code Server <home-dir> <port> [page-cache-MiB]}. The heap is set by the launcher
 * ({@code -Xmx}); the page cache defaults to 64 MiB because several of these servers may share a
 * small machine and the test graphs are tiny.
 */
public final class Server {
    private Server() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: Server <home-dir> <port> [page-cache-MiB]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCacheMiB = args.length > 2 ? Long.parseLong(args[2]) : 64;
        String password = System.getenv("SCOUTGRAPH_NEO4J_PASSWORD");
        boolean auth = password != null && !password.isEmpty();

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                // Test databases are thrown away: don't reserve disk for transaction logs up front.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                // Stop in about a second instead of waiting 5 s for Bolt connections that are long gone.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("scoutgraph-neo4j: shutting down");
            dbms.shutdown();
            stopped.countDown();
        }, "scoutgraph-neo4j-shutdown"));

        if (auth) {
            // The embedded API runs with full rights: set the password of the built-in user, as
            // `neo4j-admin dbms set-initial-password` would, without the change-on-first-login step.
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", java.util.Map.of("password", password));
        }
        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        try {
            db.getDependencyResolver().resolveDependency(GlobalProcedures.class).registerFunction(ServerNonce.class);
        } catch (Exception e) {
            throw new IllegalStateException("cannot register scoutgraph.serverNonce()", e);
        }
        // Touch the default database so that a failure to start it shows here, not on first query.
        db.executeTransactionally("RETURN scoutgraph.serverNonce()");
        System.out.println("scoutgraph-neo4j: Neo4j " + org.neo4j.kernel.internal.Version.getNeo4jVersion()
                + " ready, Bolt on 127.0.0.1:" + port + ", auth " + (auth ? "on" : "off") + ", home " + home);
        stopped.await();
    }
}
