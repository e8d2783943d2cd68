package io.crosstrace.hub.epcis;

import io.crosstrace.hub.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The prefixes come from the organizations of the demo world (brand owners register prefixes starting 93). */
@HubIntegrationTest
class GraphCompanyPrefixesGraphTest {

    @Autowired
    GraphCompanyPrefixes prefixes;

    @Test
    void readsThePrefixesOrganizationsRegistered() {
        assertThat(prefixes.all()).isNotEmpty().allSatisfy(prefix -> assertThat(prefix).startsWith("93").matches("\\d{6,12}"));
        String prefix = prefixes.all().iterator().next();
        String gtinData = "0" + prefix + "0".repeat(12 - prefix.length());
        String gtin = gtinData + io.crosstrace.gs1.CheckDigit.compute(gtinData);
        assertThat(new EpcTranslator(prefixes).toEpcUrn("https://id.gs1.org/01/" + gtin + "/21/A1"))
                .contains("urn:epc:id:sgtin:" + prefix + ".0" + "0".repeat(12 - prefix.length()) + ".A1");
    }
}
