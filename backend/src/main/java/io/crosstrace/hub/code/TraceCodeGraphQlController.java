package io.crosstrace.hub.code;

import java.util.List;

import org.springframework.graphql.data.method.annotation.SchemaMapping;

import io.crosstrace.hub.logistics.Consignment;
import io.crosstrace.hub.logistics.LogisticsService;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.gs1.Serial;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.graphql.NodeFetcher;
import io.crosstrace.hub.graphql.NotFoundException;

/** {@code traceCode}: a unit and its chain by Digital Link URI or by GTIN, lot and serial. */
@Controller
class TraceCodeGraphQlController {

    private final TraceCodeService codes;
    private final LogisticsService logistics;

    TraceCodeGraphQlController(TraceCodeService codes, LogisticsService logistics) {
        this.codes = codes;
        this.logistics = logistics;
    }

    /** Anyone may read a unit's chain, but import declarations only those entitled to the consignment. */
    @SchemaMapping(typeName = "TraceCode", field = "consignments")
    List<Consignment> consignments(TraceCode code) {
        Actor caller = CurrentActor.get();
        if (code.consignments().isEmpty() || caller.isAnonymous()) {
            return List.of();
        }
        if (caller.readsEverything()) {
            return code.consignments();
        }
        var visible = logistics.visibleConsignmentsByNumber(code.consignments().stream().map(Consignment::declarationNumber).toList());
        return code.consignments().stream().filter(c -> visible.containsKey(c.declarationNumber())).toList();
    }

    @QueryMapping
    TraceCode traceCode(@Argument String uri, @Argument String gtin, @Argument String lot, @Argument String serial) {
        DigitalLink link = linkOf(uri, gtin, lot, serial);
        return codes.traceCode(link)
                .orElseThrow(() -> new NotFoundException("No unit code " + link.path() + " was issued by this hub"));
    }

    private static DigitalLink linkOf(String uri, String gtin, String lot, String serial) {
        boolean byParts = gtin != null || lot != null || serial != null;
        if (uri != null && byParts) {
            throw new BadInputException("Give either uri, or gtin, lot and serial, not both");
        }
        if (uri != null) {
            return DigitalLink.parse(uri);
        }
        if (gtin == null || lot == null || serial == null) {
            throw new BadInputException("Give a uri, or all of gtin, lot and serial");
        }
        return DigitalLink.unit(Gtin.parse(gtin), new LotNumber(lot), new Serial(serial));
    }

    @Bean
    NodeFetcher traceCodeNodes(TraceCodeService codes) {
        return NodeFetcher.of(TraceCode.TYPE, codes::traceCodesByPath);
    }
}
