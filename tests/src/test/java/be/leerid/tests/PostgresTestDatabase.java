package be.leerid.tests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * In the PostgreSQL run (system property {@code leerid.test.postgresql}, the server's base JDBC
 * URL), gives the test server an empty database {@value #DATABASE}, once per run, so a run never
 * sees what an earlier, interrupted one left behind.
 */
final class PostgresTestDatabase {

    static final String DATABASE = "leerid_test";
    private static boolean recreated;

    private PostgresTestDatabase() {
    }

    static synchronized void recreateOncePerRun() {
        String server = System.getProperty("leerid.test.postgresql");
        if (server == null || recreated) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(server + "postgres", "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on " + server + " is needed for the production-database tests", e);
        }
        recreated = true;
    }
}
