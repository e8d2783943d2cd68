package io.crosstrace.hub.epcis;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The EPCIS feature's shared pieces: the document validator (its schema is loaded once) and the translator. */
@Configuration
@EnableConfigurationProperties(EpcisProperties.class)
class EpcisConfiguration {

    @Bean
    EpcisDocumentValidator epcisDocumentValidator() {
        return new EpcisDocumentValidator();
    }

    @Bean
    EpcTranslator epcTranslator(GraphCompanyPrefixes prefixes) {
        return new EpcTranslator(prefixes);
    }

    @Bean
    CbvValues cbvValues() {
        return new CbvValues(EpcisDocumentValidator.readSchema());
    }
}
