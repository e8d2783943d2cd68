package io.crosstrace.hub.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import io.crosstrace.gs1.Gln;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.InvalidIdentifierException;
import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.ledger.LedgerService;
import io.crosstrace.hub.mutation.MutationRejected;
import io.crosstrace.hub.mutation.Mutations;
import io.crosstrace.hub.mutation.Numbers;
import io.crosstrace.hub.mutation.Outcome;
import io.crosstrace.hub.registry.RegistrationInputs.ApplicationAssessInput;
import io.crosstrace.hub.registry.RegistrationInputs.OrganizationApplyInput;
import io.crosstrace.hub.registry.RegistrationInputs.PremisesRegisterInput;
import io.crosstrace.hub.registry.RegistrationInputs.ProductFileInput;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.OrganizationRoles;
import io.crosstrace.hub.security.Role;

/**
 * Registration and record filing: organizations apply, producers register premises and file products, and the
 * platform (organizations) or the port inspection authority (premises, products) approves or rejects each
 * application with reasons. Whatever is not approved can get neither certificates nor codes.
 */
@Service
public class RegistrationService {

    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    static final String ORGANIZATION_REGISTRATION = "ORGANIZATION_REGISTRATION";
    static final String PREMISES_REGISTRATION = "PREMISES_REGISTRATION";
    static final String PRODUCT_FILING = "PRODUCT_FILING";

    /** Parts an organization may apply for; the platform and port authorities are set up by administrators. */
    private static final Set<String> APPLICABLE_ROLES = Set.of("PRODUCER", "EXPORTER", "AUDITOR", "IMPORTER", "LOGISTICS");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
    private static final Pattern REGISTRATION_NUMBER = Pattern.compile("[A-Za-z0-9/ -]{4,40}");

    private final Neo4jClient neo4j;
    private final GraphReads graph;
    private final Mutations mutations;
    private final RegistryService registry;
    private final LedgerService ledger;
    private final PasswordEncoder passwords;
    private final Clock clock;

    RegistrationService(Neo4jClient neo4j, GraphReads graph, Mutations mutations, RegistryService registry,
                        LedgerService ledger, PasswordEncoder passwords, Clock clock) {
        this.neo4j = neo4j;
        this.graph = graph;
        this.mutations = mutations;
        this.registry = registry;
        this.ledger = ledger;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Anyone may apply; the organization and its first user stay unable to act until the platform approves. */
    public Outcome<Application> applyOrganization(OrganizationApplyInput in) {
        List<String> roles = in.roles() == null ? List.of() : in.roles();
        String hash = in.adminPassword() == null || in.adminPassword().length() < 12 ? null : passwords.encode(in.adminPassword());
        return mutations.create("organizationApply", in.idempotencyKey(), in, () -> {
            Gln gln = gln(in.gln(), "gln");
            require(in.name() != null && !in.name().isBlank() && in.name().length() <= 200, "INVALID_NAME",
                    "A name of 1 to 200 characters is required", "name");
            require(in.country() != null && COUNTRY.matcher(in.country()).matches(), "INVALID_COUNTRY",
                    "The country is an ISO 3166 alpha-2 code such as AU", "country");
            require(!roles.isEmpty() && APPLICABLE_ROLES.containsAll(roles), "INVALID_ROLES",
                    "Apply for one or more of " + APPLICABLE_ROLES, "roles");
            require(in.adminUsername() != null && USERNAME.matcher(in.adminUsername()).matches(), "INVALID_USERNAME",
                    "A username has 3 to 64 letters, digits, '.', '_', '-' or '@'", "adminUsername");
            require(hash != null && in.adminPassword().length() <= 200, "WEAK_PASSWORD",
                    "A password has at least 12 characters", "adminPassword");
            require(count("MATCH (o:Organization {gln: $key}) RETURN count(o) AS n", gln.value()) == 0,
                    "ALREADY_REGISTERED", "An organization with this GLN is registered or has applied", "gln");
            require(count("MATCH (u:User {username: $key}) RETURN count(u) AS n", in.adminUsername()) == 0,
                    "USERNAME_TAKEN", "That username is taken", "adminUsername");
            Map<String, Object> p = new HashMap<>();
            p.put("gln", gln.value());
            p.put("name", in.name().strip());
            p.put("nameZh", in.nameZh());
            p.put("country", in.country());
            p.put("roles", roles);
            p.put("prefix", in.gs1CompanyPrefix());
            p.put("username", in.adminUsername());
            p.put("hash", hash);
            p.put("userRoles", OrganizationRoles.allowedFor(roles).stream().map(Role::name).sorted().toList());
            p.put("now", now());
            neo4j.query("""
                    CREATE (o:Organization {gln: $gln, name: $name, nameZh: $nameZh, country: $country, roles: $roles,
                                            gs1CompanyPrefix: $prefix, status: 'PENDING'})
                    CREATE (:User {username: $username, passwordHash: $hash, roles: $userRoles, enabled: true,
                                   displayName: $username, createdAt: $now})-[:MEMBER_OF]->(o)""").bindAll(p).run();
            String number = createApplication(ORGANIZATION_REGISTRATION, gln.value(), "Organization", "gln", gln.value());
            ledger.append("organization.apply", "Organization:" + gln.value(), Map.of("name", in.name(), "roles", roles,
                    "application", number));
            return number;
        }, this::applicationForApplicant);
    }

    /** A producer registers premises it operates, with its overseas manufacturer registration number. */
    public Outcome<Application> registerPremises(PremisesRegisterInput in) {
        Actor actor = CurrentActor.require(Role.PRODUCER);
        return mutations.create("premisesRegister", in.idempotencyKey(), in, () -> {
            requireApprovedOrganization(actor);
            Gln gln = gln(in.gln(), "gln");
            require(in.name() != null && !in.name().isBlank() && in.name().length() <= 200, "INVALID_NAME",
                    "A name of 1 to 200 characters is required", "name");
            require(in.country() != null && COUNTRY.matcher(in.country()).matches(), "INVALID_COUNTRY",
                    "The country is an ISO 3166 alpha-2 code such as AU", "country");
            require(in.registrationNumber() != null && REGISTRATION_NUMBER.matcher(in.registrationNumber()).matches(),
                    "INVALID_REGISTRATION_NUMBER", "The overseas manufacturer registration number (4 to 40 letters, digits, "
                            + "'/', '-' or spaces) is required", "registrationNumber");
            require((in.latitude() == null) == (in.longitude() == null)
                            && (in.latitude() == null || (Math.abs(in.latitude()) <= 90 && Math.abs(in.longitude()) <= 180)),
                    "INVALID_LOCATION", "Give both latitude (-90..90) and longitude (-180..180), or neither", "latitude");
            require(count("MATCH (p:Premises {gln: $key}) RETURN count(p) AS n", gln.value()) == 0,
                    "ALREADY_REGISTERED", "Premises with this GLN are registered or have applied", "gln");
            Map<String, Object> p = new HashMap<>();
            p.put("org", actor.organizationGln());
            p.put("gln", gln.value());
            p.put("name", in.name().strip());
            p.put("nameZh", in.nameZh());
            p.put("address", in.address());
            p.put("city", in.city());
            p.put("country", in.country());
            p.put("lat", in.latitude());
            p.put("lon", in.longitude());
            p.put("registrationNumber", in.registrationNumber());
            neo4j.query("""
                    MATCH (o:Organization {gln: $org})
                    CREATE (o)-[:OPERATES]->(:Premises {gln: $gln, name: $name, nameZh: $nameZh, address: $address,
                        city: $city, country: $country, latitude: $lat, longitude: $lon,
                        registrationNumber: $registrationNumber, status: 'PENDING'})""").bindAll(p).run();
            String number = createApplication(PREMISES_REGISTRATION, actor.organizationGln(), "Premises", "gln", gln.value());
            ledger.append("premises.register", "Premises:" + gln.value(), Map.of("registrationNumber",
                    in.registrationNumber(), "application", number));
            return number;
        }, this::application);
    }

    /** A producer files a product with its label; the GTIN must belong to the producer's GS1 company prefix. */
    public Outcome<Application> fileProduct(ProductFileInput in) {
        Actor actor = CurrentActor.require(Role.PRODUCER);
        return mutations.create("productFile", in.idempotencyKey(), in, () -> {
            Map<String, Object> organization = requireApprovedOrganization(actor);
            Gtin gtin;
            try {
                gtin = Gtin.parse(in.gtin());
            } catch (InvalidIdentifierException e) {
                throw new MutationRejected("INVALID_GTIN", e.getMessage(), "input", "gtin");
            }
            String prefix = (String) organization.get("prefix");
            require(prefix == null || gtin.value().substring(1).startsWith(prefix), "GTIN_NOT_YOURS",
                    "The GTIN is not within your GS1 company prefix " + prefix, "gtin");
            require(in.nameEn() != null && !in.nameEn().isBlank() && in.nameZh() != null && !in.nameZh().isBlank(),
                    "INVALID_NAME", "Names in English and in Chinese are required (the Chinese label)", "nameZh");
            require(in.labelText() != null && !in.labelText().isBlank() && in.labelText().length() <= 10_000,
                    "LABEL_REQUIRED", "The label text (up to 10,000 characters) is part of the filing", "labelText");
            require(in.shelfLifeDays() == null || (in.shelfLifeDays() > 0 && in.shelfLifeDays() <= 3650),
                    "INVALID_SHELF_LIFE", "Shelf life is 1 to 3650 days", "shelfLifeDays");
            require(count("MATCH (p:Product {gtin: $key}) RETURN count(p) AS n", gtin.value()) == 0,
                    "ALREADY_FILED", "A product with this GTIN is filed", "gtin");
            Map<String, Object> p = new HashMap<>();
            p.put("org", actor.organizationGln());
            p.put("gtin", gtin.value());
            p.put("nameEn", in.nameEn().strip());
            p.put("nameZh", in.nameZh().strip());
            p.put("brand", in.brand());
            p.put("netContent", in.netContent());
            p.put("category", in.category());
            p.put("labelText", in.labelText());
            p.put("shelfLifeDays", in.shelfLifeDays());
            neo4j.query("""
                    MATCH (o:Organization {gln: $org})
                    CREATE (o)-[:OWNS]->(:Product {gtin: $gtin, nameEn: $nameEn, nameZh: $nameZh, brand: $brand,
                        netContent: $netContent, category: $category, labelText: $labelText,
                        shelfLifeDays: $shelfLifeDays, status: 'PENDING'})""").bindAll(p).run();
            String number = createApplication(PRODUCT_FILING, actor.organizationGln(), "Product", "gtin", gtin.value());
            ledger.append("product.file", "Product:" + gtin.value(), Map.of("nameEn", in.nameEn(), "application", number));
            return number;
        }, this::application);
    }

    /**
     * Approves or rejects an application. Organizations: platform administrators. Premises and products: platform
     * administrators or the port inspection authority.
     */
    public Outcome<Application> assess(String number, String decision, List<String> reasons) {
        Actor actor = CurrentActor.require(Role.PLATFORM_ADMIN, Role.INSPECTOR);
        return mutations.change(() -> {
            Application application = applicationLocked(number);
            if (application == null) {
                throw new MutationRejected("APPLICATION_NOT_FOUND", "No application " + number, "input", "application");
            }
            if (ORGANIZATION_REGISTRATION.equals(application.kind()) && !actor.has(Role.PLATFORM_ADMIN)) {
                throw new MutationRejected("NOT_YOURS_TO_ASSESS", "Organization registrations are assessed by the platform",
                        "input", "application");
            }
            if (!PENDING.equals(application.status())) {
                throw new MutationRejected("ALREADY_ASSESSED", "The application was " + application.status().toLowerCase()
                        + " already", "input", "application");
            }
            List<String> cleanReasons = reasons == null ? List.of()
                    : reasons.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
            if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
                throw new MutationRejected("INVALID_DECISION", "Decide APPROVE or REJECT", "input", "decision");
            }
            if ("REJECT".equals(decision) && cleanReasons.isEmpty()) {
                throw new MutationRejected("REASONS_REQUIRED", "A rejection states its reasons", "input", "reasons");
            }
            String status = "APPROVE".equals(decision) ? APPROVED : REJECTED;
            neo4j.query("""
                    MATCH (a:Application {number: $number})-[:FOR]->(s)
                    SET a.status = $status, a.decidedAt = $now, a.reasons = $reasons, a.decidedBy = $by, s.status = $status""")
                    .bindAll(Map.of("number", number, "status", status, "now", now(), "reasons", cleanReasons,
                            "by", actor.subject())).run();
            ledger.append("application.assess", "Application:" + number, Map.of("decision", status, "reasons", cleanReasons));
            return application(number);
        });
    }

    /** The applicant (possibly not signed in, since it has no users yet) sees the application it just made. */
    private Application applicationForApplicant(String number) {
        return GraphReads.indexBy(graph.list("MATCH (a:Application {number: $number}) RETURN %s AS a".formatted(Application.PROJECTION),
                Map.of("number", number), r -> Application.from(r.get("a"))), Application::number).get(number);
    }

    public Application application(String number) {
        return applicationsByNumber(List.of(number)).get(number);
    }

    /** Applications the caller may see: its own organization's, or all for administrators, analysts and inspectors. */
    public Map<String, Application> applicationsByNumber(Collection<String> numbers) {
        Actor actor = CurrentActor.get();
        Map<String, Object> p = new HashMap<>();
        p.put("keys", List.copyOf(numbers));
        p.put("all", actor.readsEverything() || actor.has(Role.INSPECTOR));
        p.put("org", actor.organizationGln() == null ? "" : actor.organizationGln());
        return GraphReads.indexBy(graph.list("""
                MATCH (a:Application) WHERE a.number IN $keys
                  AND ($all OR EXISTS { (:Organization {gln: $org})-[:APPLIED]->(a) })
                RETURN %s AS a""".formatted(Application.PROJECTION), p, r -> Application.from(r.get("a"))), Application::number);
    }

    public Connection<Application> applications(String status, String kind, PageRequest page, boolean withTotal) {
        return applications(status, kind, page, withTotal, ApplicationOrder.SUBMITTED_NEWEST);
    }

    /** Applications in the given order (the workspace's sortable grid). */
    public Connection<Application> applications(String status, String kind, PageRequest page, boolean withTotal,
            ApplicationOrder order) {
        Actor actor = CurrentActor.require();
        Map<String, Object> p = new HashMap<>();
        p.put("status", status);
        p.put("kind", kind);
        p.put("all", actor.readsEverything() || actor.has(Role.INSPECTOR));
        p.put("org", actor.organizationGln());
        return graph.page("""
                MATCH (a:Application)
                WHERE ($status IS NULL OR a.status = $status) AND ($kind IS NULL OR a.kind = $kind)
                  AND ($all OR EXISTS { (:Organization {gln: $org})-[:APPLIED]->(a) })""", Application.PROJECTION,
                order.cypher, p, page, withTotal, Application::from);
    }

    private Application applicationLocked(String number) {
        // Taking the write lock first makes two concurrent assessments of one application queue up.
        neo4j.query("MATCH (a:Application {number: $number}) SET a.lockedAt = $now")
                .bindAll(Map.of("number", number, "now", now())).run();
        return application(number);
    }

    private String createApplication(String kind, String applicantGln, String subjectLabel, String keyProperty, String key) {
        String number = Numbers.next("APP", LocalDate.now(clock));
        neo4j.query("""
                MATCH (o:Organization {gln: $applicant})
                MATCH (s:%s {%s: $key})
                CREATE (o)-[:APPLIED]->(:Application {number: $number, kind: $kind, status: 'PENDING', submittedAt: $now})-[:FOR]->(s)"""
                        .formatted(subjectLabel, keyProperty))
                .bindAll(Map.of("applicant", applicantGln, "key", key, "number", number, "kind", kind, "now", now())).run();
        return number;
    }

    /** The caller's organization, which must be approved to register or file anything. */
    private Map<String, Object> requireApprovedOrganization(Actor actor) {
        Optional<Map<String, Object>> row = neo4j.query("""
                MATCH (o:Organization {gln: $org})
                RETURN coalesce(o.status, 'APPROVED') AS status, o.gs1CompanyPrefix AS prefix""")
                .bind(actor.organizationGln()).to("org").fetch().one();
        if (row.isEmpty() || !APPROVED.equals(row.get().get("status"))) {
            throw new MutationRejected("ORGANIZATION_NOT_APPROVED", "Your organization's registration is not approved yet");
        }
        return row.get();
    }

    private long count(String cypher, String key) {
        return neo4j.query(cypher).bind(key).to("key").fetchAs(Long.class).one().orElse(0L);
    }

    private static Gln gln(String text, String field) {
        try {
            return Gln.parse(text);
        } catch (InvalidIdentifierException | NullPointerException e) {
            throw new MutationRejected("INVALID_GLN", "Not a valid GLN (13 digits with a correct check digit)", "input", field);
        }
    }

    private static void require(boolean condition, String code, String message, String field) {
        if (!condition) {
            throw new MutationRejected(code, message, "input", field);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

}
