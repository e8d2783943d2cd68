package io.crosstrace.hub.epcis;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.code.TraceCode;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.logistics.Location;
import io.crosstrace.hub.registry.Premises;

/**
 * The {@code events} connections on units, lots, premises and places. One statement per connection: each is paged
 * by its own arguments, which a batch loader could not share between parents.
 */
@Controller
class EpcisGraphQlController {

    private final EventQueryService events;

    EpcisGraphQlController(EventQueryService events) {
        this.events = events;
    }

    @SchemaMapping(typeName = "TraceCode", field = "events")
    Connection<StoredEvent> unitEvents(TraceCode code, @Argument Integer first, @Argument String after) {
        return events.about(EventQueryService.Subject.UNIT, code.path(), null, PageRequest.of(first, after));
    }

    @SchemaMapping(typeName = "Batch", field = "events")
    Connection<StoredEvent> batchEvents(Batch batch, @Argument Integer first, @Argument String after) {
        return events.about(EventQueryService.Subject.BATCH, batch.gtin(), batch.lot(), PageRequest.of(first, after));
    }

    @SchemaMapping(typeName = "Premises", field = "events")
    Connection<StoredEvent> premisesEvents(Premises premises, @Argument Integer first, @Argument String after) {
        return events.about(EventQueryService.Subject.PLACE, premises.gln(), null, PageRequest.of(first, after));
    }

    @SchemaMapping(typeName = "Location", field = "events")
    Connection<StoredEvent> locationEvents(Location location, @Argument Integer first, @Argument String after) {
        return events.about(EventQueryService.Subject.PLACE, location.gln(), null, PageRequest.of(first, after));
    }
}
