package be.leerid.tools.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A database LeerID's cluster, benchmarks or tests run on, created on its PostgreSQL server when missing. */
public final class PostgresDatabase {

    private PostgresDatabase() {
    }

    /**
     * @param url   the JDBC URL of the database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/leerid_cluster}
     * @param fresh drop it first
     */
    public static void create(String url, String username, String password, boolean fresh) throws SQLException {
        String withoutParameters = url.replaceAll("\\?.*", "");
        String database = withoutParameters.substring(withoutParameters.lastIndexOf('/') + 1);
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("the database name in " + url + " must be lower-case letters, digits and _");
        }
        String server = withoutParameters.substring(0, withoutParameters.lastIndexOf('/')) + "/postgres";
        try (Connection connection = DriverManager.getConnection(server, username, password);
             Statement statement = connection.createStatement()) {
            if (fresh) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + database);
                }
            }
        }
    }
}
