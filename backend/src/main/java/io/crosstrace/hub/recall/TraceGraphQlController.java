package io.crosstrace.hub.recall;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.epcis.PartnerEvents;
import io.crosstrace.hub.epcis.PartnerEvents.PartnerEvent;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.epcis.PartnerEvents;
import io.crosstrace.hub.epcis.PartnerEvents.PartnerEvent;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.epcis.PartnerEvents;
import io.crosstrace.hub.epcis.PartnerEvents.PartnerEvent;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.logistics.LogisticsService;
import io.crosstrace.hub.logistics.Shipment;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.registry.Premises;
import io.crosstrace.hub.registry.Product;
import io.crosstrace.hub.registry.RegistryService;
import io.crosstrace.hub.scan.ProblemReport;
import io.crosstrace.hub.scan.ProblemReportService;
import io.crosstrace.hub.security.CurrentActor;

/** Forward and backward traces over GraphQL, and the fields of their types that link to other objects. */
@Controller
class TraceGraphQlController {

    private final ForwardTraceService forward;
    private final BackwardTraceService backward;
    private final RegistryService registry;
    private final LogisticsService logistics;
    private final ProblemReportService reports;
    private final PartnerEvents partnerEvents;

    TraceGraphQlController(ForwardTraceService forward, BackwardTraceService backward, RegistryService registry,
            LogisticsService logistics, ProblemReportService reports, PartnerEvents partnerEvents) {
        this.partnerEvents = partnerEvents;
        this.forward = forward;
        this.backward = backward;
        this.registry = registry;
        this.logistics = logistics;
        this.reports = reports;
    }

    @QueryMapping
    ForwardTrace forwardTrace(@Argument String batch) {
        Map<String, Object> key = Batch.keyParameters(GlobalId.keyOf(batch, Batch.TYPE));
        return forward.forwardTrace(Gtin.parse((String) key.get("gtin")), new LotNumber((String) key.get("lot"))).orElse(null);
    }

    @QueryMapping
    BackwardTrace backwardTrace(@Argument String code, @Argument String report, @Argument Integer windowDays) {
        if ((code == null) == (report == null)) {
            throw new BadInputException("Give exactly one of code (a unit's Digital Link) and report (a problem report number)");
        }
        int window = windowDays == null ? BackwardTraceService.DEFAULT_WINDOW_DAYS : windowDays;
        return (code != null ? backward.fromCode(code, window) : backward.fromReport(report, window)).orElse(null);
    }

    @SchemaMapping(typeName = "ForwardTrace", field = "units")
    Connection<TracedUnit> units(ForwardTrace trace, @Argument Integer first, @Argument String after) {
        return forward.units(trace.batch(), trace.unitCount(), first, after);
    }

    /** Read only when asked for: the trace itself stays one statement. */
    @SchemaMapping(typeName = "ForwardTrace", field = "partnerEvents")
    List<PartnerEvent> partnerEvents(ForwardTrace trace) {
        return partnerEvents.aboutBatchAndUnits(trace.batch().gtin(), trace.batch().lot());
    }

    @SchemaMapping(typeName = "ForwardTrace", field = "importers")
    List<Organization> importers(ForwardTrace trace) {
        Map<String, Organization> found = registry.organizationsByGln(trace.importerGlns());
        return trace.importerGlns().stream().map(found::get).filter(Objects::nonNull).toList();
    }

    @SchemaMapping(typeName = "BackwardTrace", field = "product")
    Product product(BackwardTrace trace) {
        return registry.productsByGtin(List.of(trace.batch().gtin())).get(trace.batch().gtin());
    }

    @SchemaMapping(typeName = "BackwardTrace", field = "premises")
    Premises premises(BackwardTrace trace) {
        return trace.premisesGln() == null ? null : registry.premisesByGln(List.of(trace.premisesGln())).get(trace.premisesGln());
    }

    @SchemaMapping(typeName = "BackwardTrace", field = "producer")
    Organization producer(BackwardTrace trace) {
        return trace.producerGln() == null ? null
                : registry.organizationsByGln(List.of(trace.producerGln())).get(trace.producerGln());
    }

    /** A consumer's report holds the consumer's contact: authorities only, never the producer. */
    @SchemaMapping(typeName = "BackwardTrace", field = "report")
    ProblemReport report(BackwardTrace trace) {
        if (trace.reportNumber() == null || !RecallAccess.isAuthority(CurrentActor.get())) {
            return null;
        }
        return reports.reportsByNumber(List.of(trace.reportNumber())).get(trace.reportNumber());
    }

    @BatchMapping(typeName = "ShipmentSibling", field = "shipments")
    Map<BackwardTrace.ShipmentSibling, List<Shipment>> siblingShipments(List<BackwardTrace.ShipmentSibling> siblings) {
        Map<String, Shipment> found = logistics.shipmentsByNumber(
                siblings.stream().flatMap(s -> s.shipmentNumbers().stream()).distinct().toList());
        Map<BackwardTrace.ShipmentSibling, List<Shipment>> result = new LinkedHashMap<>();
        for (BackwardTrace.ShipmentSibling sibling : siblings) {
            result.put(sibling, sibling.shipmentNumbers().stream().map(found::get).filter(Objects::nonNull).toList());
        }
        return result;
    }
}
