package io.crosstrace.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdentifierTest {

    @ParameterizedTest
    @ValueSource(strings = {"02345673", "416000336108", "1234567890128", "12345678901231", "123456789012345675",
            "09506000134376", "09520123456788"})
    void published_check_digit_examples_are_valid_and_any_other_last_digit_is_not(String digits) {
        assertThat(CheckDigit.isValid(digits)).isTrue();
        char last = digits.charAt(digits.length() - 1);
        for (char other = '0'; other <= '9'; other++) {
            if (other != last) {
                assertThat(CheckDigit.isValid(digits.substring(0, digits.length() - 1) + other)).isFalse();
            }
        }
    }

    @Test
    void gtin_is_normalised_to_fourteen_digits() {
        assertThat(Gtin.parse("02345673").value()).isEqualTo("00000002345673");
        assertThat(Gtin.parse("1234567890128").value()).isEqualTo("01234567890128");
        assertThat(Gtin.parse("09506000134376").value()).isEqualTo("09506000134376");
    }

    @Test
    void gtin_with_a_wrong_check_digit_cannot_exist() {
        assertThatThrownBy(() -> Gtin.parse("09506000134377"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("check digit")
                .hasMessageContaining("expected 6");
        assertThatThrownBy(() -> new Gtin("9506000134376")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> Gtin.parse("0950600013437x")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void gln_validates_its_check_digit() {
        assertThat(Gln.parse("9520123456788").value()).isEqualTo("9520123456788");
        assertThat(Gln.fromDataDigits("952012345678")).isEqualTo(new Gln("9520123456788"));
        assertThatThrownBy(() -> Gln.parse("9520123456789")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void lot_and_serial_take_up_to_twenty_characters_of_set_82() {
        assertThat(new LotNumber("ABC-12/x").value()).isEqualTo("ABC-12/x");
        assertThat(new Serial("A".repeat(20)).value()).hasSize(20);
        assertThatThrownBy(() -> new Serial("A".repeat(21))).hasMessageContaining("at most 20");
        assertThatThrownBy(() -> new LotNumber("L 1")).hasMessageContaining("' ' at position 2");
        assertThatThrownBy(() -> new LotNumber("批次")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> new Serial("")).isInstanceOf(InvalidIdentifierException.class);
    }
}
