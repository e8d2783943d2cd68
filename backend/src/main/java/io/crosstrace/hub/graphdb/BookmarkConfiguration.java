package io.crosstrace.hub.graphdb;

import java.time.Clock;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Read-your-writes across instances: the bookmarks the hub's transaction manager begins its transactions with, and
 * the filter that carries a client's bookmarks in and the request's own out ({@code CrossTrace-Bookmark}, ADR 0017).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BookmarkProperties.class)
class BookmarkConfiguration {

    @Bean
    CarriedBookmarks carriedBookmarks(ObjectProvider<MeterRegistry> meters) {
        return new CarriedBookmarks(meters.getIfAvailable());
    }

    @Bean
    BookmarkHeader bookmarkHeader(BookmarkProperties settings, CrossTraceProperties hub, ObjectProvider<Clock> clock) {
        return new BookmarkHeader(BookmarkSecrets.resolve(settings, hub), settings.ttl(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    FilterRegistrationBean<BookmarkFilter> bookmarkFilter(BookmarkHeader header) {
        FilterRegistrationBean<BookmarkFilter> registration = new FilterRegistrationBean<>(new BookmarkFilter(header));
        registration.addUrlPatterns("/*");
        // The asynchronous dispatch too: a GraphQL response whose data fetchers ran on other threads is written there.
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        // Right after the size limit, before security: a bad header is refused before any transaction begins.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
