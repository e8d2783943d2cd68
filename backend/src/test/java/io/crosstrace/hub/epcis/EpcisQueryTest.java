package io.crosstrace.hub.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.security.AuthService;
import tools.jackson.databind.JsonNode;

/**
 * GET /epcis/events: each query parameter against a small set of events captured for the test (their bizStep is
 * unique to the run, so other tests' events never interfere), paging, identifier formats, refusals and scoping.
 */
@HubIntegrationTest
class EpcisQueryTest {

    @LocalServerPort
    int port;
    @Autowired
    AuthService auth;
    @Autowired
    Driver driver;

    private EpcisClient epcis;
    private String step;
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void threeEvents() {
        epcis = new EpcisClient(port, auth);
        // A user-defined bizStep unique to this run keeps every query to this run's events.
        step = "https://example.com/step/" + UUID.randomUUID();
        ids.clear();
        for (int i = 0; i < 3; i++) {
            ids.add(EpcisWorld.newId());
        }
        String docs = EpcisWorld.document(
                EpcisWorld.objectEvent(ids.get(0), "2026-01-01T00:00:00Z", List.of("urn:epc:id:sgtin:0614141.107346.1"), step,
                        "urn:epc:id:sgln:0614141.00001.0", """
                        "disposition": "in_transit", "bizLocation": {"id": "urn:epc:id:sgln:0614141.00002.0"},
                        "bizTransactionList": [{"type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:0614141000005:PO-1"}]"""),
                EpcisWorld.objectEvent(ids.get(1), "2026-01-02T00:00:00Z", List.of("https://id.gs1.org/01/10614141073464/21/2"),
                        step, "urn:epc:id:sgln:0614141.00001.0", """
                        "disposition": "https://ref.gs1.org/cbv/Disp-active",
                        "quantityList": [{"epcClass": "urn:epc:class:lgtin:0614141.107346.L1", "quantity": 5}]"""),
                EpcisWorld.objectEvent(ids.get(2), "2026-01-03T00:00:00Z", List.of(), step, "urn:epc:id:sgln:0614141.00003.0",
                        "").replace("\"OBSERVE\"", "\"ADD\""));
        JsonNode job = EpcisClient.json(epcis.post("/epcis/capture", "producer", docs));
        assertThat(job.path("success").asBoolean()).as(job.toString()).isTrue();
    }

    @Test
    void each_parameter_narrows_the_events() {
        String base = "/epcis/events?EQ_bizStep=" + EpcisClient.encode(step);
        assertThat(found(base)).containsExactly(ids.get(0), ids.get(1), ids.get(2));
        assertThat(found(base + "&eventType=ObjectEvent")).hasSize(3);
        assertThat(found(base + "&eventType=AggregationEvent")).isEmpty();
        assertThat(found(base + "&GE_eventTime=2026-01-02T00:00:00Z")).containsExactly(ids.get(1), ids.get(2));
        assertThat(found(base + "&LT_eventTime=2026-01-02T00:00:00Z")).containsExactly(ids.get(0));
        assertThat(found(base + "&GE_recordTime=2000-01-01T00:00:00Z&LT_recordTime=2100-01-01T00:00:00Z")).hasSize(3);
        assertThat(found(base + "&LT_recordTime=2000-01-01T00:00:00Z")).isEmpty();
        assertThat(found(base + "&EQ_action=ADD")).containsExactly(ids.get(2));
        // CBV values in any of their spellings.
        assertThat(found(base + "&EQ_disposition=urn:epcglobal:cbv:disp:in_transit")).containsExactly(ids.get(0));
        assertThat(found(base + "&EQ_disposition=active")).containsExactly(ids.get(1));
        assertThat(found(base + "&EQ_disposition=active%7Cin_transit")).containsExactly(ids.get(0), ids.get(1));
        // Places and identifiers as URNs or Digital Links.
        assertThat(found(base + "&EQ_readPoint=" + EpcisClient.encode("https://id.gs1.org/414/0614141000012")))
                .containsExactly(ids.get(0), ids.get(1));
        assertThat(found(base + "&EQ_bizLocation=urn:epc:id:sgln:0614141.00002.0")).containsExactly(ids.get(0));
        assertThat(found(base + "&MATCH_epc=" + EpcisClient.encode("https://id.gs1.org/01/10614141073464/21/1"))).containsExactly(ids.get(0));
        assertThat(found(base + "&MATCH_anyEPC=urn:epc:id:sgtin:0614141.107346.2")).containsExactly(ids.get(1));
        assertThat(found(base + "&MATCH_epc=urn:epc:idpat:sgtin:0614141.107346.*")).containsExactly(ids.get(0), ids.get(1));
        assertThat(found(base + "&MATCH_epcClass=urn:epc:class:lgtin:0614141.107346.L1")).containsExactly(ids.get(1));
        assertThat(found(base + "&MATCH_epcClass=urn:epc:class:lgtin:0614141.107346.L2")).isEmpty();
        assertThat(found(base + "&EQ_eventID=" + EpcisClient.encode(ids.get(2)))).containsExactly(ids.get(2));
        assertThat(found(base + "&EQ_bizTransaction_po=urn:epcglobal:cbv:bt:0614141000005:PO-1")).containsExactly(ids.get(0));
        assertThat(found(base + "&EQ_bizTransaction_inv=urn:epcglobal:cbv:bt:0614141000005:PO-1")).isEmpty();
        assertThat(found(base + "&orderBy=eventTime&orderDirection=DESC")).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(found(base + "&eventCountLimit=2")).containsExactly(ids.get(0), ids.get(1));
        assertThat(found("/epcis/epcs/" + EpcisClient.encode("urn:epc:id:sgtin:0614141.107346.1") + "/events?EQ_bizStep="
                + EpcisClient.encode(step))).containsExactly(ids.get(0));
    }

    @Test
    void pages_follow_the_next_link_until_the_last() {
        String url = "/epcis/events?perPage=2&EQ_bizStep=" + EpcisClient.encode(step);
        HttpResponse<String> first = epcis.get(url, "producer");
        assertThat(ids(first)).containsExactly(ids.get(0), ids.get(1));
        String link = first.headers().firstValue("Link").orElseThrow();
        assertThat(link).endsWith("; rel=\"next\"").contains("nextPageToken=");
        String next = link.substring(link.indexOf("/epcis/"), link.indexOf('>'));
        HttpResponse<String> second = epcis.get(next, "producer");
        assertThat(ids(second)).containsExactly(ids.get(2));
        assertThat(second.headers().firstValue("Link")).isEmpty();
        // A token belongs to its query.
        String token = next.substring(next.indexOf("nextPageToken=") + "nextPageToken=".length()).replaceAll("&.*", "");
        assertThat(epcis.get("/epcis/events?EQ_action=ADD&nextPageToken=" + token, "producer").statusCode()).isEqualTo(400);
    }

    @Test
    void identifiers_come_back_in_the_form_asked_for() {
        String url = "/epcis/events?EQ_eventID=" + EpcisClient.encode(ids.get(0));
        assertThat(EpcisClient.events(epcis.get(url, "producer")).getFirst().path("epcList").get(0).asString())
                .isEqualTo("urn:epc:id:sgtin:0614141.107346.1");
        HttpResponse<String> links = epcis.get(url, "producer", "GS1-EPC-Format", "Always_GS1_Digital_Link");
        assertThat(links.headers().firstValue("GS1-EPC-Format")).contains("Always_GS1_Digital_Link");
        JsonNode event = EpcisClient.events(links).getFirst();
        assertThat(event.path("epcList").get(0).asString()).isEqualTo("https://id.gs1.org/01/10614141073464/21/1");
        assertThat(event.path("readPoint").path("id").asString()).isEqualTo("https://id.gs1.org/414/0614141000012");
        assertThat(epcis.get(url, "producer", "GS1-EPC-Format", "Sometimes").statusCode()).isEqualTo(400);
    }

    @Test
    void unknown_or_invalid_parameters_are_query_parameter_problems() {
        for (String query : List.of("EQ_colour=red", "GE_eventTime=yesterday", "eventType=Nonsense", "perPage=0",
                "perPage=x", "orderBy=colour", "EQ_action=MAYBE", "nextPageToken=garbage", "eventCountLimit=-1")) {
            HttpResponse<String> response = epcis.get("/epcis/events?" + query, "producer");
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(EpcisClient.json(response).path("type").asString()).isEqualTo("epcisException:QueryParameterException");
            assertThat(EpcisClient.json(response).path("pointer").asString()).isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void partners_see_their_own_events_and_not_those_of_others() {
        String url = "/epcis/events?EQ_bizStep=" + EpcisClient.encode(step);
        assertThat(found(url)).hasSize(3);
        assertThat(ids(epcis.get(url, "producer2"))).as("captured by another organization, about nothing of ours").isEmpty();
        assertThat(ids(epcis.get(url, "analyst"))).hasSize(3);
        assertThat(epcis.get("/epcis/events/" + EpcisClient.encode(ids.get(0)), "producer2").statusCode()).isEqualTo(404);
        HttpResponse<String> types = epcis.get("/epcis/eventTypes", "producer");
        assertThat(EpcisClient.json(types).path("@set").toString()).contains("ObjectEvent", "AssociationEvent");
    }

    private List<String> found(String url) {
        HttpResponse<String> response = epcis.get(url, "producer");
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("GS1-EPCIS-Version")).contains("2.0.0");
        assertThat(EpcisClient.json(response).path("type").asString()).isEqualTo("EPCISQueryDocument");
        return ids(response);
    }

    private static List<String> ids(HttpResponse<String> response) {
        return EpcisClient.events(response).stream().map(e -> e.path("eventID").asString()).toList();
    }
}
