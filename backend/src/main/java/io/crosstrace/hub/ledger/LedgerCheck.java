package io.crosstrace.hub.ledger;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;

/**
 * Verifies the ledger of a hub's database from the command line, without starting the hub. From the
 * application jar (a Spring Boot executable jar, whose {@code PropertiesLauncher} runs another main class):
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp app/target/crosstrace.jar \
 *     -Dloader.main=io.crosstrace.hub.ledger.LedgerCheck \
 *     org.springframework.boot.loader.launch.PropertiesLauncher --uri bolt://127.0.0.1:7687
 * </pre>
 * The embedded engine listens on loopback only, on a random port unless the hub runs with
 * {@code crosstrace.embedded.bolt-port} set (the hub logs the Bolt URI at start), and needs no user.
 * Exit code 0: intact; 1: tampered (the report says where and how); 2: wrong arguments or no connection.
 * The password may come from the environment variable {@value #PASSWORD_VARIABLE} instead of the command
 * line, where other users of the machine could read it.
 */
public final class LedgerCheck {

    static final int INTACT = 0;
    static final int TAMPERED = 1;
    static final int UNUSABLE = 2;
    static final String PASSWORD_VARIABLE = "NEO4J_PASSWORD";

    private static final List<String> OPTIONS = List.of("--uri", "--user", "--password", "--database");
    private static final String USAGE = """
            Usage: LedgerCheck --uri bolt://HOST:PORT [--user NAME --password SECRET] [--database NAME]
              Verifies every entry hash, link and checkpoint root of the CrossTrace ledger.
              --password may be left out when NEO4J_PASSWORD is set.
              Exit code 0: intact, 1: tampered, 2: usage or connection error.""";

    private LedgerCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(PASSWORD_VARIABLE), System.out, System.err));
    }

    static int run(String[] args, String passwordFromEnvironment, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (List.of("-h", "--help").contains(args[i])) {
                out.println(USAGE);
                return UNUSABLE;
            }
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                err.println("Unknown option or missing value: " + args[i]);
                err.println(USAGE);
                return UNUSABLE;
            }
            options.put(args[i], args[++i]);
        }
        String uri = options.get("--uri");
        String user = options.get("--user");
        String password = options.getOrDefault("--password", passwordFromEnvironment);
        if (uri == null || (user != null && password == null)) {
            err.println(uri == null ? "--uri is required" : "--user needs --password or " + PASSWORD_VARIABLE);
            err.println(USAGE);
            return UNUSABLE;
        }
        AuthToken auth = user == null ? AuthTokens.none() : AuthTokens.basic(user, password);
        Config config = Config.builder().withLogging(Logging.none())
                .withConnectionTimeout(10, TimeUnit.SECONDS).withMaxConnectionPoolSize(2).build();
        LedgerVerification report;
        try (Driver driver = GraphDatabase.driver(uri, auth, config)) {
            driver.verifyConnectivity();
            report = new LedgerVerifier(driver, options.get("--database")).verify();
        } catch (RuntimeException e) {
            err.println("Cannot check the ledger at " + uri + ": " + e.getMessage());
            return UNUSABLE;
        }
        out.println(report.summary());
        out.println("ok=" + report.ok() + " entriesChecked=" + report.entriesChecked() + " checkpointsChecked="
                + report.checkpointsChecked() + " firstBadSeq=" + report.firstBadSeq() + " problem=" + report.problem());
        return report.ok() ? INTACT : TAMPERED;
    }
}
