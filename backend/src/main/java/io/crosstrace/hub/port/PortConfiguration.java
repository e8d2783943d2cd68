package io.crosstrace.hub.port;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the port verification settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortProperties.class)
class PortConfiguration {
}
