package com.blingauto.platform.db;

import java.io.PrintStream;
import java.sql.Connection;
import java.text.SimpleDateFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.integration.spring.SpringResourceAccessor;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The operator's migration command, {@code java -jar blingauto.jar db current|history|upgrade [N]|downgrade [N]}
 * (what {@code alembic current / history / upgrade head / downgrade -1} did before). It connects with the
 * same environment variables as the service, runs no web server, and exits 0 on success.
 */
public final class DatabaseCommand {

    static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";
    private static final String USAGE = """
            usage: db <command>
              current          the last applied migration and how many are pending
              history          every applied migration, oldest first
              upgrade [N]      apply all pending migrations (or the next N)
              downgrade [N]    roll back the last N applied migrations (default 1)""";

    private DatabaseCommand() {
    }

    public static boolean isRequested(String[] args) {
        return args.length > 0 && args[0].equals("db");
    }

    /** Runs the command and returns the process exit code. */
    public static int run(String[] args) {
        PrintStream out = System.out;
        if (args.length < 2 || args.length > 3) {
            System.err.println(USAGE);
            return 2;
        }
        String command = args[1];
        Integer count;
        try {
            count = args.length == 3 ? Integer.valueOf(args[2]) : null;
        } catch (NumberFormatException e) {
            System.err.println("N must be a whole number\n" + USAGE);
            return 2;
        }
        if (count != null && count < 1) {
            System.err.println("N must be at least 1\n" + USAGE);
            return 2;
        }
        if (!Set.of("current", "history", "upgrade", "downgrade").contains(command)) {
            System.err.println("unknown command: " + command + "\n" + USAGE);
            return 2;
        }
        if (System.getenv("LOG_LEVEL") == null) {
            System.setProperty("logging.level.root", "WARN");
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Connect.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("spring.liquibase.enabled=false", "spring.datasource.hikari.maximum-pool-size=1")
                .run()) {
            DataSource dataSource = context.getBean(DataSource.class);
            return execute(dataSource, command, count, out);
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.err.println("db " + command + " failed: " + root.getMessage());
            return 1;
        }
    }

    private static int execute(DataSource dataSource, String command, Integer count, PrintStream out) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(CHANGELOG, new SpringResourceAccessor(new DefaultResourceLoader(DatabaseCommand.class.getClassLoader())), database);
            liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
            switch (command) {
                case "current" -> current(liquibase, database, out);
                case "history" -> history(database, out);
                case "upgrade" -> {
                    int before = pending(liquibase, database).size();
                    if (count == null) {
                        liquibase.update(new Contexts(), new LabelExpression());
                    } else {
                        liquibase.update(count, new Contexts(), new LabelExpression());
                    }
                    int applied = before - pending(liquibase, database).size();
                    out.println("applied " + applied + " migration(s)");
                    current(liquibase, database, out);
                }
                case "downgrade" -> {
                    int steps = count == null ? 1 : count;
                    int ran = database.getRanChangeSetList().size();
                    if (steps > ran) {
                        System.err.println("cannot roll back " + steps + " migration(s): only " + ran + " applied");
                        return 1;
                    }
                    liquibase.rollback(steps, null, new Contexts(), new LabelExpression());
                    out.println("rolled back " + steps + " migration(s)");
                    current(liquibase, database, out);
                }
                default -> throw new IllegalStateException(command);
            }
            return 0;
        }
    }

    private static void current(Liquibase liquibase, Database database, PrintStream out) throws Exception {
        List<RanChangeSet> ran = database.getRanChangeSetList();
        int pending = pending(liquibase, database).size();
        if (ran.isEmpty()) {
            out.println("current: (none) — empty database");
        } else {
            RanChangeSet last = ran.getLast();
            out.println("current: " + last.getId() + " (" + last.getChangeLog() + ", applied " + format(last) + ")");
        }
        out.println("applied: " + ran.size() + ", pending: " + pending + (pending == 0 ? " (head)" : ""));
    }

    private static void history(Database database, PrintStream out) throws Exception {
        List<RanChangeSet> ran = database.getRanChangeSetList();
        if (ran.isEmpty()) {
            out.println("no migration applied");
        }
        for (RanChangeSet r : ran) {
            out.println(format(r) + "  " + r.getId() + "  " + r.getChangeLog());
        }
    }

    private static List<ChangeSet> pending(Liquibase liquibase, Database database) throws Exception {
        Set<String> ran = new HashSet<>();
        for (RanChangeSet r : database.getRanChangeSetList()) {
            ran.add(r.getId() + "::" + r.getAuthor());
        }
        return liquibase.getDatabaseChangeLog().getChangeSets().stream()
                .filter(cs -> !ran.contains(cs.getId() + "::" + cs.getAuthor()))
                .toList();
    }

    private static String format(RanChangeSet r) {
        SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
        iso.setTimeZone(TimeZone.getTimeZone("UTC"));
        return r.getDateExecuted() == null ? "?" : iso.format(r.getDateExecuted());
    }

    /** Only a DataSource, configured from the same environment variables as the service. */
    @SpringBootConfiguration
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    static class Connect {
    }
}
