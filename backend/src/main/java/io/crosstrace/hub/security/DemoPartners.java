package io.crosstrace.hub.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.hub.graphdb.RetryingTransactionTemplate;
import io.crosstrace.hub.graphdb.CrossTraceProperties;

/**
 * The demo world's partners: one user per role (two producers and two importers, to show that one cannot see
 * the other's data), two machine clients, the producers' engagement of the inspection body and the port
 * authority's jurisdiction. Only in a hub that seeds the demo world; existing users are left alone.
 */
@Component
@Order(1)
class DemoPartners implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPartners.class);

    /** A demo account: name, the organization role it is found by, which one of those (by GLN), its roles. */
    record DemoAccount(String name, String organizationRole, int index, List<Role> roles, boolean client) {
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("producer", "PRODUCER", 0, List.of(Role.PRODUCER), false),
            new DemoAccount("producer2", "PRODUCER", 1, List.of(Role.PRODUCER), false),
            new DemoAccount("exporter", "EXPORTER", 0, List.of(Role.EXPORTER), false),
            new DemoAccount("auditor", "AUDITOR", 0, List.of(Role.AUDITOR), false),
            new DemoAccount("inspector", "PORT_AUTHORITY", 0, List.of(Role.INSPECTOR), false),
            new DemoAccount("importer", "IMPORTER", 0, List.of(Role.IMPORTER), false),
            new DemoAccount("importer2", "IMPORTER", 1, List.of(Role.IMPORTER), false),
            new DemoAccount("logistics", "LOGISTICS", 0, List.of(Role.LOGISTICS), false),
            new DemoAccount("analyst", "PLATFORM", 0, List.of(Role.ANALYST), false),
            new DemoAccount("admin", "PLATFORM", 0, List.of(Role.PLATFORM_ADMIN), false),
            new DemoAccount("importer-erp", "IMPORTER", 0, List.of(Role.IMPORTER), true),
            new DemoAccount("producer-erp", "PRODUCER", 0, List.of(Role.PRODUCER), true));

    /** Producers engage the inspection body; the port authority inspects at the ports of its country. */
    private static final String RELATIONS = """
            MATCH (p:Organization) WHERE 'PRODUCER' IN p.roles
            MATCH (a:Organization) WHERE 'AUDITOR' IN a.roles
            MERGE (p)-[:ENGAGES]->(a)
            WITH DISTINCT 1 AS done
            MATCH (pa:Organization) WHERE 'PORT_AUTHORITY' IN pa.roles
            MATCH (l:Location) WHERE l.country = pa.country
            MERGE (pa)-[:INSPECTS_AT]->(l)""";

    private final Neo4jClient neo4j;
    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final CrossTraceProperties hub;
    private final SecurityProperties security;
    private final TransactionTemplate transactions;

    DemoPartners(Neo4jClient neo4j, Accounts accounts, PasswordEncoder passwords, CrossTraceProperties hub,
                 SecurityProperties security, PlatformTransactionManager transactionManager) {
        this.neo4j = neo4j;
        this.accounts = accounts;
        this.passwords = passwords;
        this.hub = hub;
        this.security = security;
        this.transactions = new RetryingTransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!hub.seed()) {
            return;
        }
        transactions.executeWithoutResult(s -> neo4j.query(RELATIONS).run());
        if (accounts.userExists("admin")) {
            return;
        }
        boolean generated = security.demoPassword() == null || security.demoPassword().isBlank();
        String password = generated ? randomPassword() : security.demoPassword();
        String hash = passwords.encode(password);
        List<String> created = new ArrayList<>();
        transactions.executeWithoutResult(s -> {
            for (DemoAccount account : ACCOUNTS) {
                String gln = organization(account.organizationRole(), account.index());
                if (gln == null) {
                    continue;
                }
                boolean made = account.client()
                        ? accounts.createClient(account.name(), gln, account.roles(), hash)
                        : accounts.createUser(account.name(), gln, account.roles(), hash, true, account.name());
                if (made) {
                    created.add(account.name());
                }
            }
        });
        if (generated) {
            log.warn("Demo users {} created with the generated password '{}'. Set crosstrace.security.demo-password "
                    + "(env CROSSTRACE_SECURITY_DEMO_PASSWORD) before the first start to choose it.", created, password);
        } else {
            log.info("Demo users {} created with the configured demo password", created);
        }
    }

    private String organization(String role, int index) {
        return neo4j.query("""
                        MATCH (o:Organization) WHERE $role IN o.roles
                        RETURN o.gln AS gln ORDER BY o.gln SKIP $index LIMIT 1""")
                .bindAll(Map.of("role", role, "index", index)).fetchAs(String.class).one().orElse(null);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
