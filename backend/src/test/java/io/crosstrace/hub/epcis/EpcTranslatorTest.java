package io.crosstrace.hub.epcis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosstrace.hub.TestClock;

class EpcTranslatorTest {

    private final EpcTranslator translator = new EpcTranslator(
            CompanyPrefixes.of("0614141", "4012345", "4054739", "0012345", "4000001", "987659999999"));

    private void bothWays(String urn, String digitalLink) {
        assertThat(EpcTranslator.toDigitalLink(urn)).as(urn).contains(digitalLink);
        assertThat(translator.toEpcUrn(digitalLink)).as(digitalLink).contains(urn);
    }

    @Test
    void serialisedTradeItem() {
        // standards.md: the indicator digit is the first digit of the item reference (TDS §6.3.1).
        bothWays("urn:epc:id:sgtin:0614141.107346.2017", "https://id.gs1.org/01/10614141073464/21/2017");
        bothWays("urn:epc:id:sgtin:0614141.007346.2017", "https://id.gs1.org/01/00614141073467/21/2017");
        bothWays("urn:epc:id:sgtin:4012345.011111.9876", "https://id.gs1.org/01/04012345111118/21/9876");
    }

    @Test
    void serialsArePercentEncodedForEachForm() {
        // URN escapes " % & / < > ? #; a Digital Link in addition ! ( ) * + , :
        bothWays("urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()",
                "https://id.gs1.org/01/80614141123458/21/6789%2F%26%25%22%21%3F%28%29");
        bothWays("urn:epc:id:sgtin:4012345.011111.98%22", "https://id.gs1.org/01/04012345111118/21/98%22");
    }

    @Test
    void lotClassAndWholeGtinClass() {
        bothWays("urn:epc:class:lgtin:4012345.012345.Lot987", "https://id.gs1.org/01/04012345123456/10/Lot987");
        bothWays("urn:epc:idpat:sgtin:4054739.099914.*", "https://id.gs1.org/01/04054739999148");
    }

    @Test
    void sscc() {
        bothWays("urn:epc:id:sscc:4012345.0000000333", "https://id.gs1.org/00/040123450000003338");
        bothWays("urn:epc:id:sscc:4012345.3111111111", "https://id.gs1.org/00/340123451111111111");
    }

    @Test
    void locationWithAndWithoutExtension() {
        bothWays("urn:epc:id:sgln:4012345.00005.122", "https://id.gs1.org/414/4012345000054/254/122");
        bothWays("urn:epc:id:sgln:4012345.00005.0", "https://id.gs1.org/414/4012345000054");
        bothWays("urn:epc:id:sgln:0614141.07346.1234", "https://id.gs1.org/414/0614141073467/254/1234");
    }

    @Test
    void otherKeys() {
        bothWays("urn:epc:id:grai:4012345.00022.334455", "https://id.gs1.org/8003/04012345000221334455");
        bothWays("urn:epc:id:giai:4012345.ABC345", "https://id.gs1.org/8004/4012345ABC345");
        bothWays("urn:epc:id:gsrn:4012345.0000006765", "https://id.gs1.org/8018/401234500000067657");
        bothWays("urn:epc:id:gsrnp:4012345.0000000007", "https://id.gs1.org/8017/401234500000000074");
        bothWays("urn:epc:id:gdti:4012345.00009.PO-4711", "https://id.gs1.org/253/4012345000092PO-4711");
        bothWays("urn:epc:id:gdti:987659999999..9", "https://id.gs1.org/253/98765999999929");
        bothWays("urn:epc:id:gsin:4012345.222333444", "https://id.gs1.org/402/40123452223334442");
        bothWays("urn:epc:id:itip:4012345.011111.01.02.987", "https://id.gs1.org/8006/040123451111180102/21/987");
        bothWays("urn:epc:id:pgln:4000001.00000", "https://id.gs1.org/417/4000001000005");
        bothWays("urn:epc:id:cpi:0614141.11111111111111-A%23%2F.1234",
                "https://id.gs1.org/8010/061414111111111111111-A%23%2F/8011/1234");
        bothWays("urn:epc:id:ginc:0614141.xyz47%2F11", "https://id.gs1.org/401/0614141xyz47%2F11");
    }

    @Test
    void digitalLinkOnAnotherDomainWithShortQueryIsStillTranslated() {
        assertThat(translator.toEpcUrn("https://example.com/shop/01/00614141073467/21/2017?17=261231"))
                .contains("urn:epc:id:sgtin:0614141.007346.2017");
    }

    @Test
    void unknownCompanyPrefixKeepsTheDigitalLink() {
        assertThat(translator.toEpcUrn("https://id.gs1.org/01/09520123456788/21/1")).isEmpty();
    }

    @Test
    void wrongCheckDigitOrMalformedInputIsRejected() {
        assertThat(translator.toEpcUrn("https://id.gs1.org/01/10614141073465/21/2017")).isEmpty();
        assertThat(translator.toEpcUrn("not a uri")).isEmpty();
        assertThat(EpcTranslator.toDigitalLink("urn:epc:id:sgtin:0614141.10734.2017")).isEmpty();
        assertThat(EpcTranslator.toDigitalLink("urn:epc:id:unknown:1.2")).isEmpty();
    }

    @Test
    void checkDigitsAreComputed() {
        // standards.md: 09506000134376 is a valid GTIN; its check digit 6 must come out of the URN's digits.
        assertThat(EpcTranslator.toDigitalLink("urn:epc:id:sgtin:9506000.013437.1")).contains("https://id.gs1.org/01/09506000134376/21/1");
    }

    @Test
    void graphPrefixesAreCachedRefreshedAndMergedWithTheTableFile(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("prefixes.txt");
        Files.writeString(table, "# extra prefixes\n0614141\nnot-a-prefix\n");
        List<String> registered = new ArrayList<>(List.of("4012345"));
        int[] reads = {0};
        TestClock clock = TestClock.at("2026-01-01T00:00:00Z");
        GraphCompanyPrefixes prefixes = new GraphCompanyPrefixes(() -> {
            reads[0]++;
            return List.copyOf(registered);
        }, table.toString(), Duration.ofMinutes(5), clock);

        assertThat(prefixes.all()).containsExactlyInAnyOrder("4012345", "0614141");
        registered.add("4054739");
        assertThat(prefixes.all()).doesNotContain("4054739");
        clock.advance(Duration.ofMinutes(6));
        assertThat(prefixes.all()).contains("4054739");
        assertThat(reads[0]).isEqualTo(2);
        assertThat(new EpcTranslator(prefixes).toEpcUrn("https://id.gs1.org/01/04054739999148/10/20160711"))
                .contains("urn:epc:class:lgtin:4054739.099914.20160711");
    }
}
