package io.crosstrace.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    enum Colour { RED }

    record Sample(String name, int count) {
    }

    @Test
    void sorts_keys_at_every_level_and_writes_no_white_space() {
        Map<String, Object> inner = new HashMap<>();
        inner.put("d", true);
        inner.put("c", Arrays.asList(1, "x", null));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", 1);
        outer.put("a", inner);

        assertThat(CanonicalJson.write(outer)).isEqualTo("{\"a\":{\"c\":[1,\"x\",null],\"d\":true},\"b\":1}");
    }

    @Test
    void the_change_digest_does_not_depend_on_the_order_the_map_was_filled_in() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("gtin", "04012345000009");
        one.put("count", 10);
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("count", 10L);
        other.put("gtin", "04012345000009");

        assertThat(LedgerHashing.changeDigest(one)).isEqualTo(LedgerHashing.changeDigest(other)).hasSize(64);
        assertThat(LedgerHashing.changeDigest(null)).isEqualTo(LedgerHashing.changeDigest(Map.of()));
    }

    @Test
    void a_number_has_one_form_whatever_its_java_type() {
        for (Number one : List.of(1, 1L, (short) 1, (byte) 1, 1.0, 1.0f, new BigDecimal("1.00"), BigInteger.ONE)) {
            assertThat(CanonicalJson.write(one)).as("%s (%s)", one, one.getClass().getSimpleName()).isEqualTo("1");
        }
        assertThat(CanonicalJson.write(0.1)).isEqualTo("0.1");
        assertThat(CanonicalJson.write(0.1f)).isEqualTo("0.1");
        assertThat(CanonicalJson.write(-0.0)).isEqualTo("0");
        assertThat(CanonicalJson.write(1e21)).isEqualTo("1000000000000000000000");
        assertThat(CanonicalJson.write(new BigDecimal("12.3400"))).isEqualTo("12.34");
        assertThat(CanonicalJson.write(new BigDecimal("1E-7"))).isEqualTo("0.0000001");
        assertThat(CanonicalJson.write(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
    }

    @Test
    void date_times_are_written_as_utc_instants() {
        String expected = "\"2026-03-14T09:30:00Z\"";
        assertThat(CanonicalJson.write(OffsetDateTime.parse("2026-03-14T10:30:00+01:00"))).isEqualTo(expected);
        assertThat(CanonicalJson.write(ZonedDateTime.parse("2026-03-14T17:30:00+08:00[Asia/Shanghai]"))).isEqualTo(expected);
        assertThat(CanonicalJson.write(Instant.parse("2026-03-14T09:30:00Z"))).isEqualTo(expected);
        assertThat(CanonicalJson.write(Instant.parse("2026-03-14T09:30:00.120Z"))).isEqualTo("\"2026-03-14T09:30:00.120Z\"");
        assertThat(CanonicalJson.write(LocalDate.of(2026, 3, 14))).isEqualTo("\"2026-03-14\"");
    }

    @Test
    void strings_are_escaped_as_json_requires_and_nothing_more() {
        assertThat(CanonicalJson.write("a\"b\\c\n\t\u0001é中😀")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001é中😀\"");
        assertThat(CanonicalJson.write("lone \uD800 surrogate")).isEqualTo("\"lone \\ud800 surrogate\"");
    }

    @Test
    void enums_records_and_arrays_have_a_stable_form() {
        assertThat(CanonicalJson.write(Colour.RED)).isEqualTo("\"RED\"");
        assertThat(CanonicalJson.write(new Sample("x", 2))).isEqualTo("{\"count\":2,\"name\":\"x\"}");
        assertThat(CanonicalJson.write(new String[] {"b", "a"})).isEqualTo("[\"b\",\"a\"]");
    }

    @Test
    void values_without_a_stable_form_are_rejected() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("x", new Object()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> CanonicalJson.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
        Map<Object, Object> twice = new HashMap<>();
        twice.put(Colour.RED, 1);
        twice.put("RED", 2);
        assertThatThrownBy(() -> CanonicalJson.write(twice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void an_entry_hash_covers_every_field() {
        Instant at = Instant.parse("2026-03-14T09:30:00Z");
        String base = LedgerHashing.entryHash(7, LedgerHashing.GENESIS, at, "alice", "USER", "4012345000009", "issueCodes",
                "batch", "d".repeat(64));
        List<String> variants = List.of(
                LedgerHashing.entryHash(8, LedgerHashing.GENESIS, at, "alice", "USER", "4012345000009", "issueCodes", "batch", "d".repeat(64)),
                LedgerHashing.entryHash(7, "1".repeat(64), at, "alice", "USER", "4012345000009", "issueCodes", "batch", "d".repeat(64)),
                LedgerHashing.entryHash(7, LedgerHashing.GENESIS, at.plusMillis(1), "alice", "USER", "4012345000009", "issueCodes", "batch", "d".repeat(64)),
                LedgerHashing.entryHash(7, LedgerHashing.GENESIS, at, "bob", "USER", "4012345000009", "issueCodes", "batch", "d".repeat(64)),
                LedgerHashing.entryHash(7, LedgerHashing.GENESIS, at, "alice", "CLIENT", "4012345000009", "issueCodes", "batch", "d".repeat(64)),
                LedgerHashing.entryHash(7, LedgerHashing.GENESIS, at, "alice", "USER", null, "issueCodes", "batch", "d".repeat(64)),
                LedgerHashing.entryHash(7, LedgerHashing.GENESIS, at, "alice", "USER", "4012345000009", "revoke", "batch", "d".repeat(64)),
                LedgerHashing.entryHash(7, LedgerHashing.GENESIS, at, "alice", "USER", "4012345000009", "issueCodes", null, "d".repeat(64)),
                LedgerHashing.entryHash(7, LedgerHashing.GENESIS, at, "alice", "USER", "4012345000009", "issueCodes", "batch", "e".repeat(64)));
        assertThat(variants).doesNotContain(base).doesNotHaveDuplicates();
    }
}
