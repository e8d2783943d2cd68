package io.crosstrace.hub.certificate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import io.crosstrace.hub.graphdb.CrossTraceProperties;

/**
 * Signs certificates as their issuer and verifies them against the graph. The signed text is canonical: a version
 * line, then number, kind, issuer GLN, validity and issue dates and the sorted subjects, one per line. Editing any
 * of these in the database afterwards makes verification fail; revocation is not part of it (it is a later fact).
 */
@Component
public class CertificateSignatures {

    /** What checking a certificate's signature found. */
    public enum Check {
        /** Signed by its issuer's key and unchanged since. */
        VERIFIED,
        /** Signed, but the certificate or the key changed: not to be trusted. */
        INVALID,
        /** Issued before certificates were signed. */
        UNSIGNED
    }

    static final String VERSION = "crosstrace-certificate-v1";

    private static final String CONTENT = """
            MATCH (c:Certificate {number: $number})
            OPTIONAL MATCH (issuer:Organization)-[:ISSUED]->(c)
            RETURN c.number AS number, c.kind AS kind, issuer.gln AS issuer, c.validFrom AS validFrom,
                   c.validUntil AS validUntil, c.issuedOn AS issuedOn, c.signature AS signature,
                   c.signatureKeyId AS keyId, issuer.certificateKeyId AS issuerKeyId, issuer.certificatePublicKey AS publicKey,
                   [(c)-[:CERTIFIES]->(s) | CASE WHEN s:Batch THEN 'Batch:' + s.gtin + '/' + s.lot
                                                 WHEN s:Premises THEN 'Premises:' + s.gln
                                                 ELSE 'Product:' + s.gtin END] AS subjects""";

    private final Neo4jClient neo4j;
    private final IssuerKeys keys;

    CertificateSignatures(Neo4jClient neo4j, CrossTraceProperties hub) throws java.io.IOException {
        this.neo4j = neo4j;
        // A throw-away store gets throw-away keys: tests never write keys into the data folder.
        Path folder = hub.embedded() != null && hub.embedded().ephemeral()
                ? Files.createTempDirectory("crosstrace-issuer-keys-")
                : hub.dataDir().resolve("keys/issuers");
        this.keys = new IssuerKeys(folder);
    }

    /** Signs a certificate written in the current transaction with its issuer's key, publishing the key if new. */
    public void sign(String number) {
        Map<String, Object> row = content(number).orElseThrow();
        String issuer = (String) row.get("issuer");
        IssuerKeys.IssuerKey key = keys.forIssuer(issuer);
        String published = (String) row.get("publicKey");
        String mine = IssuerKeys.encodePublic(key.publicKey());
        if (published == null) {
            neo4j.query("MATCH (o:Organization {gln: $gln}) SET o.certificateKeyId = $kid, o.certificatePublicKey = $key")
                    .bindAll(Map.of("gln", issuer, "kid", key.kid(), "key", mine)).run();
        } else if (!published.equals(mine)) {
            throw new IllegalStateException("The issuer key file of " + issuer + " does not match the key published in the "
                    + "graph; restore the right key file before issuing certificates");
        }
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.privateKey());
            signer.update(canonical(row).getBytes(StandardCharsets.UTF_8));
            String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
            neo4j.query("MATCH (c:Certificate {number: $number}) SET c.signature = $signature, c.signatureKeyId = $kid")
                    .bindAll(Map.of("number", number, "signature", signature, "kid", key.kid())).run();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign certificate " + number, e);
        }
    }

    /** Checks a certificate's signature against the issuer key published in the graph; empty for an unknown number. */
    public Optional<Check> verify(String number) {
        return content(number).map(CertificateSignatures::check);
    }

    /** Every certificate that has no signature yet, signed by its issuer: for registers that predate signing. */
    public int signUnsigned() {
        List<String> numbers = neo4j.query("MATCH (:Organization)-[:ISSUED]->(c:Certificate) WHERE c.signature IS NULL "
                + "RETURN c.number AS n").fetchAs(String.class).all().stream().toList();
        numbers.forEach(this::sign);
        return numbers.size();
    }

    /** The issuer keys as an OKP JWK Set, with the issuer's GLN in each key. */
    public List<Map<String, Object>> publishedKeys() {
        List<Map<String, Object>> jwks = new ArrayList<>();
        for (Map<String, Object> row : neo4j.query("MATCH (o:Organization) WHERE o.certificatePublicKey IS NOT NULL "
                + "RETURN o.gln AS gln, o.certificateKeyId AS kid, o.certificatePublicKey AS key ORDER BY o.gln").fetch().all()) {
            byte[] x509 = Base64.getDecoder().decode((String) row.get("key"));
            byte[] raw = java.util.Arrays.copyOfRange(x509, x509.length - 32, x509.length);
            jwks.add(Map.of("kty", "OKP", "crv", "Ed25519", "use", "sig", "alg", "EdDSA", "kid", row.get("kid"),
                    "issuer", row.get("gln"), "x", Base64.getUrlEncoder().withoutPadding().encodeToString(raw)));
        }
        return jwks;
    }

    private Optional<Map<String, Object>> content(String number) {
        return neo4j.query(CONTENT).bind(number).to("number").fetch().one();
    }

    private static Check check(Map<String, Object> row) {
        String signature = (String) row.get("signature");
        if (signature == null) {
            return Check.UNSIGNED;
        }
        String publicKey = (String) row.get("publicKey");
        if (publicKey == null || !String.valueOf(row.get("issuerKeyId")).equals(row.get("keyId"))) {
            return Check.INVALID;
        }
        try {
            PublicKey key = IssuerKeys.decodePublic(publicKey);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(canonical(row).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getUrlDecoder().decode(signature)) ? Check.VERIFIED : Check.INVALID;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Check.INVALID;
        }
    }

    static String canonical(Map<String, Object> row) {
        @SuppressWarnings("unchecked")
        List<String> subjects = new ArrayList<>((List<String>) row.get("subjects"));
        subjects.sort(null);
        return String.join("\n", VERSION, String.valueOf(row.get("number")), String.valueOf(row.get("kind")),
                String.valueOf(row.get("issuer")), date(row.get("validFrom")), date(row.get("validUntil")),
                date(row.get("issuedOn")), String.join(",", subjects));
    }

    private static String date(Object value) {
        return value instanceof LocalDate d ? d.toString() : String.valueOf(value);
    }
}
