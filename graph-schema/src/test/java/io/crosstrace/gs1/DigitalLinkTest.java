package io.crosstrace.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DigitalLinkTest {

    @Test
    void parses_a_unit_level_uri_on_any_host() {
        DigitalLink link = DigitalLink.parse("https://id.example.com/01/09506000134376/10/L2401/21/ABC123?17=280101");
        assertThat(link.gtin().value()).isEqualTo("09506000134376");
        assertThat(link.lot().value()).isEqualTo("L2401");
        assertThat(link.serial().value()).isEqualTo("ABC123");
        assertThat(link.isUnitLevel()).isTrue();
        assertThat(link.path()).isEqualTo("/01/09506000134376/10/L2401/21/ABC123");
    }

    @Test
    void parses_paths_with_a_prefix_a_trailing_slash_and_short_gtins() {
        assertThat(DigitalLink.parse("/01/09506000134376/").lot()).isNull();
        assertThat(DigitalLink.parse("https://example.com/resolver/01/09506000134376/21/X").serial().value())
                .isEqualTo("X");
        assertThat(DigitalLink.parse("/01/9506000134376/10/L1").gtin().value()).isEqualTo("09506000134376");
    }

    @Test
    void percent_encoded_values_round_trip() {
        DigitalLink link = DigitalLink.parse("/01/09506000134376/10/A%2FB/21/x%25y");
        assertThat(link.lot().value()).isEqualTo("A/B");
        assertThat(link.serial().value()).isEqualTo("x%y");
        assertThat(DigitalLink.parse(link.path())).isEqualTo(link);
    }

    @Test
    void rejects_qualifiers_out_of_order() {
        assertThatThrownBy(() -> DigitalLink.parse("/01/09506000134376/21/S1/10/L1"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("order");
    }

    @Test
    void rejects_bad_check_digits_unknown_qualifiers_and_other_primary_keys() {
        assertThatThrownBy(() -> DigitalLink.parse("/01/09506000134377/10/L1"))
                .hasMessageContaining("check digit");
        assertThatThrownBy(() -> DigitalLink.parse("/01/09506000134376/17/280101"))
                .hasMessageContaining("not a key qualifier");
        assertThatThrownBy(() -> DigitalLink.parse("/414/9520123456788"))
                .isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> DigitalLink.parse("ftp://x/01/09506000134376"))
                .isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> DigitalLink.parse("/01/09506000134376/10/" + "L".repeat(21)))
                .hasMessageContaining("at most 20");
    }
}
