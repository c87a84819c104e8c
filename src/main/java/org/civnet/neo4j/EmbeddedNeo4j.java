package org.civnet.neo4j;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.civnet.secrets.StartupRefusal;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * An in-process Neo4j Community server whose only door is Bolt on the loopback interface, with
 * authentication on; the application reaches it through the driver like any external server, so
 * one code path serves both.
 *
 * <p>Authentication matters even on loopback: any local process, and any web page open in a browser
 * on the same machine (Bolt answers WebSocket upgrades from every Origin on the same port, and Neo4j
 * 5.26 has no setting to refuse them or to check their Origin), could otherwise read and rewrite
 * the whole store, skipping civnet's roles, pseudonyms and audit. The user {@value #USER} gets the
 * password the caller keeps in the secrets directory.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    public static final String USER = "neo4j";

    private final DatabaseManagementService service;
    private final int boltPort;
    private final String password;

    private EmbeddedNeo4j(DatabaseManagementService service, int boltPort, String password) {
        this.service = service;
        this.boltPort = boltPort;
        this.password = password;
    }

    /**
     * Starts a server over {@code directory} whose user {@value #USER} has {@code password};
     * {@code port} 0 picks a free port. A configured port that is taken is a {@link StartupRefusal}
     * naming the setting.
     */
    public static EmbeddedNeo4j start(Path directory, int port, String password) {
        DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(directory.toAbsolutePath())
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                    // Without this, Bolt waits a 5 s quiet period twice on shutdown.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .build();
        } catch (RuntimeException e) {
            if (causedBy(e, BindException.class)) {
                throw new StartupRefusal("civnet.neo4j.bolt-port " + port + " is already in use on 127.0.0.1: "
                        + "set CIVNET_NEO4J_BOLT_PORT to a free port, or to 0 (the default) for any free port");
            }
            throw e;
        }
        try {
            setPassword(service, password);
        } catch (RuntimeException e) {
            service.shutdown();
            throw e;
        }
        GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        int actualPort = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
        return new EmbeddedNeo4j(service, actualPort, password);
    }

    /**
     * In-process calls need no login, so the password is (re)set at every start: a new store gets it,
     * a store from before authentication was on loses Neo4j's default {@code neo4j}/{@code neo4j}, and
     * a restored secrets directory wins over whatever the store had.
     */
    private static void setPassword(DatabaseManagementService service, String password) {
        try {
            service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    new CypherQueries().get("system/set-password"), Map.of("password", password));
        } catch (QueryExecutionException e) {
            // Neo4j refuses to "change" a password to the one it already has: nothing to do then.
            if (e.getMessage() == null || !e.getMessage().contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    public int boltPort() {
        return boltPort;
    }

    /** How the driver logs in to this server (the password stays here; nothing prints it). */
    public org.neo4j.driver.AuthToken authToken() {
        return org.neo4j.driver.AuthTokens.basic(USER, password);
    }

    @Override
    public String toString() {
        return "EmbeddedNeo4j[" + boltUri() + "]";
    }

    public String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    @Override
    public void close() {
        service.shutdown();
    }
}
