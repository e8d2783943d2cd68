package io.crosstrace;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The CrossTrace hub: API, resolver and scan page, and (when the workspace module is on the classpath)
 * the Vaadin workspace, in one process.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrossTraceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrossTraceApplication.class, args);
    }
}
