package com.blingauto.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.embedded.EmbeddedServers;
import com.blingauto.support.TestInfrastructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code db current|history|upgrade [N]|downgrade [N]} (issue 2, item 3) through {@link DatabaseCommand#run},
 * the entry point {@code main} hands {@code db …} to, against a fresh database of the suite's embedded
 * PostgreSQL for each test.
 */
class DatabaseCommandTests {

    static final Pattern CHANGESET = Pattern.compile("^--changeset [^:]+:(\\S+)", Pattern.MULTILINE);
    static final String ISO = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    String database;
    String jdbcUrl;
    final List<String[]> savedProperties = new ArrayList<>();

    record Result(int exitCode, String out, String err) {
    }

    @BeforeEach
    void freshDatabase() throws SQLException {
        database = "dbcommand_" + Long.toHexString(System.nanoTime());
        admin("CREATE DATABASE " + database);
        jdbcUrl = TestInfrastructure.servers().jdbcUrl().replace("/" + EmbeddedServers.DATABASE + "?", "/" + database + "?");
        assertThat(jdbcUrl).contains("/" + database + "?");
        for (String name : new String[] {"spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "logging.level.root"}) {
            savedProperties.add(new String[] {name, System.getProperty(name)});
        }
        System.setProperty("spring.datasource.url", jdbcUrl);
        System.setProperty("spring.datasource.username", "postgres");
        System.setProperty("spring.datasource.password", "");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        for (String[] saved : savedProperties) {
            if (saved[1] == null) {
                System.clearProperty(saved[0]);
            } else {
                System.setProperty(saved[0], saved[1]);
            }
        }
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    /** Every changeset id of the master changelog, in the order it applies them. */
    static List<String> changesets() throws IOException {
        List<String> ids = new ArrayList<>();
        Path root = Path.of("src/main/resources/db/changelog");
        String master = Files.readString(root.resolve("db.changelog-master.yaml"));
        Matcher folders = Pattern.compile("path:\\s*db/changelog/([\\w-]+)/").matcher(master);
        while (folders.find()) {
            try (Stream<Path> files = Files.list(root.resolve(folders.group(1)))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                    Matcher m = CHANGESET.matcher(Files.readString(file));
                    while (m.find()) {
                        ids.add(m.group(1));
                    }
                }
            }
        }
        assertThat(ids).as("changesets found").contains("auth-0001");
        return ids;
    }

    static Result db(String... args) {
        String[] argv = Stream.concat(Stream.of("db"), Arrays.stream(args)).toArray(String[]::new);
        assertThat(DatabaseCommand.isRequested(argv)).isTrue();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            code = DatabaseCommand.run(argv);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Result(code, capturedOut.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void currentOnAnEmptyDatabaseSaysEverythingIsPending() throws Exception {
        Result r = db("current");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("current: (none)")
                .contains("applied: 0, pending: " + changesets().size())
                .doesNotContain("(head)");
        assertThat(db("history").out()).contains("no migration applied");
    }

    @Test
    void upgradeAppliesEverythingThenCurrentAndHistoryShowIt() throws Exception {
        List<String> ids = changesets();
        Result up = db("upgrade");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(up.out()).contains("applied " + ids.size() + " migration(s)")
                .contains("current: " + ids.getLast() + " (")
                .contains("applied: " + ids.size() + ", pending: 0 (head)");
        assertThat(ranChangesets()).isEqualTo(ids);
        assertThat(tableExists("users")).isTrue();

        Result current = db("current");
        assertThat(current.exitCode()).isZero();
        assertThat(current.out()).containsPattern("current: " + Pattern.quote(ids.getLast()) + " \\(db/changelog/\\S+\\.sql, applied " + ISO + "\\)")
                .contains("applied: " + ids.size() + ", pending: 0 (head)");

        Result history = db("history");
        assertThat(history.exitCode()).isZero();
        List<String> lines = history.out().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            assertThat(lines.get(i)).matches(ISO + "  " + Pattern.quote(ids.get(i)) + "  db/changelog/\\S+\\.sql");
        }

        Result again = db("upgrade");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("applied 0 migration(s)");
    }

    @Test
    void upgradeNAppliesTheNextN() throws Exception {
        List<String> ids = changesets();
        Result r = db("upgrade", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("applied 2 migration(s)").contains("applied: 2, pending: " + (ids.size() - 2));
        assertThat(ranChangesets()).isEqualTo(ids.subList(0, 2));
    }

    @Test
    void downgradeOneThenUpgradeRoundTripsWithData() throws Exception {
        List<String> ids = changesets();
        assertThat(db("upgrade").exitCode()).isZero();
        String userId = "7d1f0c1e-5a2b-4c3d-8e9f-0a1b2c3d4e5f";
        sql("INSERT INTO users (id, email, first_name, last_name, password_hash, role, status, created_at, updated_at) "
                + "VALUES ('" + userId + "', 'kept@example.com', 'Kept', 'User', 'x', 'client', 'active', now(), now())");

        Result down = db("downgrade", "1");
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(down.out()).contains("rolled back 1 migration(s)")
                .contains("current: " + ids.get(ids.size() - 2) + " (")
                .contains("applied: " + (ids.size() - 1) + ", pending: 1");
        assertThat(ranChangesets()).isEqualTo(ids.subList(0, ids.size() - 1));
        assertThat(userEmail(userId)).isEqualTo("kept@example.com");

        Result up = db("upgrade");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(up.out()).contains("applied 1 migration(s)").contains("pending: 0 (head)");
        assertThat(ranChangesets()).isEqualTo(ids);
        assertThat(userEmail(userId)).isEqualTo("kept@example.com");
    }

    @Test
    void everyChangesetRollsBack() throws Exception {
        List<String> ids = changesets();
        assertThat(db("upgrade").exitCode()).isZero();
        Result down = db("downgrade", String.valueOf(ids.size()));
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(down.out()).contains("rolled back " + ids.size() + " migration(s)").contains("current: (none)");
        assertThat(ranChangesets()).isEmpty();
        assertThat(applicationTables()).as("tables left after rolling everything back").isEmpty();

        Result up = db("upgrade");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(ranChangesets()).isEqualTo(ids);
    }

    @Test
    void downgradeBeyondWhatIsAppliedIsRefused() throws Exception {
        assertThat(db("upgrade", "1").exitCode()).isZero();
        Result r = db("downgrade", "2");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("cannot roll back 2 migration(s): only 1 applied");
        assertThat(ranChangesets()).hasSize(1);
    }

    @Test
    void badUsageExitsWith2AndPrintsTheUsage() {
        for (String[] args : new String[][] {{}, {"sideways"}, {"downgrade", "0"}, {"upgrade", "x"}, {"history", "1", "2"}}) {
            Result r = db(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).contains("usage: db <command>");
        }
        assertThat(DatabaseCommand.isRequested(new String[] {"--server.port=1"})).isFalse();
        assertThat(DatabaseCommand.isRequested(new String[0])).isFalse();
    }

    @Test
    void anUnreachableDatabaseIsAOneLineFailure() {
        System.setProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + EmbeddedServers.freePort() + "/none");
        Result r = db("current");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("db current failed: ").doesNotContain("\n\tat ");
    }

    List<String> ranChangesets() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM databasechangelog ORDER BY orderexecuted")) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    boolean tableExists(String table) throws SQLException {
        return !query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '" + table + "'").isEmpty();
    }

    List<String> applicationTables() throws SQLException {
        return query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_name NOT IN ('databasechangelog', 'databasechangeloglock')");
    }

    String userEmail(String id) throws SQLException {
        List<String> emails = query("SELECT email FROM users WHERE id = '" + id + "'");
        assertThat(emails).hasSize(1);
        return emails.getFirst();
    }

    List<String> query(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    void sql(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestInfrastructure.servers().jdbcUrl()); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
