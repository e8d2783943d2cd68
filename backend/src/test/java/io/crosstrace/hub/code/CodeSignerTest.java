package io.crosstrace.hub.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.gs1.Serial;

class CodeSignerTest {

    static final DigitalLink UNIT = DigitalLink.unit(new Gtin("09506000134376"), new LotNumber("L1"), new Serial("ABC"));
    /** 86 base64url characters, the length of a signature, for building malformed values around it. */
    static final String SOME_SIGNATURE = "A".repeat(86);

    @TempDir
    Path keys;

    @Test
    void a_code_signed_by_the_hub_verifies_as_valid_also_after_a_restart() {
        CodeSigner signer = signer(keys, "k1");
        String value = signer.signature(UNIT);

        assertThat(value).startsWith("k1_").hasSize(89).matches("[A-Za-z0-9_-]+");
        assertThat(signer.verify(UNIT, value)).isEqualTo(SignatureCheck.VALID);
        assertThat(signer.signature(UNIT)).as("Ed25519 is deterministic").isEqualTo(value);
        assertThat(signer(keys, "k1").verify(UNIT, value)).as("keys reloaded from the folder").isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void the_signed_uri_carries_the_signature_as_ai_8030_and_still_parses_as_the_same_code() {
        CodeSigner signer = signer(keys, "k1");

        String uri = signer.signedUri(UNIT, "https://id.example.com/");

        assertThat(uri).isEqualTo("https://id.example.com/01/09506000134376/10/L1/21/ABC?8030=" + signer.signature(UNIT));
        assertThat(DigitalLink.parse(uri)).isEqualTo(UNIT);
    }

    @Test
    void the_signature_covers_the_exact_path_so_another_code_does_not_verify_with_it() {
        CodeSigner signer = signer(keys, "k1");
        String value = signer.signature(UNIT);

        assertThat(signer.verify(DigitalLink.unit(UNIT.gtin(), UNIT.lot(), new Serial("ABD")), value))
                .isEqualTo(SignatureCheck.INVALID);
        assertThat(signer.verify(DigitalLink.unit(UNIT.gtin(), new LotNumber("L2"), UNIT.serial()), value))
                .isEqualTo(SignatureCheck.INVALID);
        assertThat(signer.verify(DigitalLink.unit(new Gtin("09520123456788"), UNIT.lot(), UNIT.serial()), value))
                .isEqualTo(SignatureCheck.INVALID);
    }

    @Test
    void a_tampered_signature_is_invalid() {
        CodeSigner signer = signer(keys, "k1");
        String value = signer.signature(UNIT);
        int at = 3 + 40;
        char flipped = value.charAt(at) == 'A' ? 'B' : 'A';

        String tampered = value.substring(0, at) + flipped + value.substring(at + 1);

        assertThat(signer.verify(UNIT, tampered)).isEqualTo(SignatureCheck.INVALID);
    }

    @Test
    void a_well_formed_value_naming_a_key_the_hub_does_not_have_is_an_unknown_key() {
        CodeSigner signer = signer(keys, "k1");
        String signature = signer.signature(UNIT).substring(3);

        assertThat(signer.verify(UNIT, "k9_" + signature)).isEqualTo(SignatureCheck.UNKNOWN_KEY);
    }

    @Test
    void a_signature_made_with_another_key_under_the_same_key_id_is_invalid(@TempDir Path otherKeys) {
        CodeSigner hub = signer(keys, "k1");
        CodeSigner forger = signer(otherKeys, "k1");

        String forged = forger.signature(UNIT);

        assertThat(forged).startsWith("k1_").isNotEqualTo(hub.signature(UNIT));
        assertThat(hub.verify(UNIT, forged)).isEqualTo(SignatureCheck.INVALID);
    }

    static Stream<String> malformedValues() {
        return Stream.of("garbage", "k1", "k1_", "k1_tooShort", "k1." + SOME_SIGNATURE, "k1-" + SOME_SIGNATURE,
                "k100_" + SOME_SIGNATURE, "_" + SOME_SIGNATURE, "k1_" + SOME_SIGNATURE + "A", "k1_+" + "A".repeat(85),
                // 86 characters carry 516 bits for 512: a non-zero last 4 bits is a second spelling, refused.
                "k1_" + "A".repeat(85) + "B");
    }

    @ParameterizedTest
    @MethodSource("malformedValues")
    void values_not_in_the_compact_form_are_invalid(String value) {
        assertThat(signer(keys, "k1").verify(UNIT, value)).isEqualTo(SignatureCheck.INVALID);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void no_value_means_the_signature_is_absent(String value) {
        assertThat(signer(keys, "k1").verify(UNIT, value)).isEqualTo(SignatureCheck.ABSENT);
    }

    @Test
    void only_unit_codes_are_signed() {
        CodeSigner signer = signer(keys, "k1");
        DigitalLink batchLevel = DigitalLink.parse("/01/09506000134376/10/L1");

        assertThatThrownBy(() -> signer.signature(batchLevel)).isInstanceOf(IllegalArgumentException.class);
        assertThat(signer.verify(batchLevel, signer.signature(UNIT))).isEqualTo(SignatureCheck.INVALID);
    }

    @Test
    void after_rotation_the_new_key_signs_and_codes_printed_with_the_old_key_stay_valid() throws Exception {
        String printedWithK1 = signer(keys, "k1").signature(UNIT);
        Files.writeString(keys.resolve("k2.key"), Ed25519Keys.toPem(Ed25519Keys.generate().getPrivate()));

        CodeSigner rotated = signer(keys, "k2");

        assertThat(rotated.currentKeyId()).isEqualTo("k2");
        assertThat(rotated.signature(UNIT)).startsWith("k2_");
        assertThat(rotated.verify(UNIT, rotated.signature(UNIT))).isEqualTo(SignatureCheck.VALID);
        assertThat(rotated.verify(UNIT, printedWithK1)).isEqualTo(SignatureCheck.VALID);
        assertThat(new CodeKeysController(rotated).keys().getBody().keys())
                .extracting(CodeKeysController.JsonWebKey::kid).containsExactly("k2", "k1");
    }

    @Test
    void a_first_start_generates_an_owner_only_development_key_in_pem() throws Exception {
        Path dir = keys.resolve("data").resolve("keys");

        CodeSigner signer = signer(dir, "k1");

        Path file = dir.resolve("k1.key");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(signer(dir, "k1").verify(UNIT, signer.signature(UNIT))).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void keys_are_read_from_pem_and_from_der() throws Exception {
        PrivateKey der = Ed25519Keys.generate().getPrivate();
        Files.writeString(keys.resolve("k1.key"), Ed25519Keys.toPem(Ed25519Keys.generate().getPrivate()));
        Files.write(keys.resolve("k2.key"), der.getEncoded());

        CodeSigner signer = signer(keys, "k2");
        String value = signer.signature(UNIT);

        Signature direct = Signature.getInstance("Ed25519");
        direct.initSign(der);
        direct.update(UNIT.path().getBytes(StandardCharsets.UTF_8));
        assertThat(value).isEqualTo(new Ai8030Value("k2", direct.sign()).format());
        assertThat(signer.verificationKeys()).extracting(SigningKey::kid).containsExactly("k2", "k1");
    }

    @Test
    void the_public_key_is_derived_from_the_private_key_as_in_rfc_8032_test_1() throws Exception {
        byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420"
                + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        PrivateKey key = Ed25519Keys.readPrivateKey(pkcs8);

        SigningKey signingKey = new SigningKey("k1", key, Ed25519Keys.publicKeyOf(key));

        assertThat(HexFormat.of().formatHex(signingKey.rawPublicKey()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(signingKey.publicKey());
        assertThat(verifier.verify(HexFormat.of().parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"))).isTrue();
    }

    @Test
    void a_missing_current_key_stops_the_start_naming_the_file() throws Exception {
        signer(keys, "k1");

        assertThatThrownBy(() -> SigningKeys.open(keys, "k2"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("k2.key").hasMessageContaining("k1");
    }

    @Test
    void key_ids_longer_than_three_characters_are_refused_as_they_would_not_fit_ai_8030() {
        assertThatThrownBy(() -> SigningKeys.open(keys, "key1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 to 3 letters or digits");
    }

    @Test
    void a_temporary_key_folder_is_removed_on_close() {
        SigningKeys temporary = SigningKeys.temporary("k1");
        Path dir = temporary.directory();
        assertThat(dir.resolve("k1.key")).exists();

        temporary.close();

        assertThat(dir).doesNotExist();
    }

    static CodeSigner signer(Path dir, String currentKeyId) {
        return new CodeSigner(SigningKeys.open(dir, currentKeyId));
    }
}
