package io.crosstrace.hub.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.Partners;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.AuthService;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/** The FSMA 204 spreadsheet of a lot and of a date range, checked against the graph, and its refusals. */
@HubIntegrationTest
class Fsma204ExportTest {

    private static final String PATH = "/api/exports/fsma204.csv";
    private static final String XLSX = "/api/exports/fsma204.xlsx";

    @LocalServerPort
    int port;
    @Autowired
    AuthService auth;
    @Autowired
    Driver driver;
    @Autowired
    Fsma204Files files;

    private final HttpClient http = HttpClient.newHttpClient();
    /** A lot that was made, shipped, and received at the port of arrival. */
    private Record lot;

    @BeforeEach
    void aReceivedLot() {
        lot = driver.executableQuery("""
                MATCH (pr:Premises)-[:PRODUCED]->(b:Batch)<-[:DECLARES]-(:Consignment)-[:SHIPPED_AS]->(s:Shipment)
                WHERE s.arrivedOn IS NOT NULL AND s.billOfLading IS NOT NULL
                RETURN b.gtin AS gtin, b.lot AS lot, b.quantity AS quantity, b.productionDate AS produced, pr.gln AS premises
                ORDER BY b.productionDate, b.gtin, b.lot LIMIT 1""").execute().records().getFirst();
    }

    @Test
    void the_records_of_a_lot_are_a_sortable_spreadsheet_with_the_key_data_elements() throws Exception {
        String gtin = lot.get("gtin").asString();
        String lotNumber = lot.get("lot").asString();
        HttpResponse<byte[]> response = get("?gtin=" + gtin + "&lot=" + encode(lotNumber), "analyst");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv").contains("charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("fsma204-" + gtin + "-" + lotNumber + ".csv");
        byte[] body = response.body();
        assertThat(new byte[] {body[0], body[1], body[2]}).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        List<List<String>> table = Rfc4180.parse(text);
        assertThat(table.getFirst()).containsExactlyElementsOf(Fsma204Record.HEADER);
        List<Map<String, String>> rows = Rfc4180.records(table);

        assertThat(rows).allSatisfy(row -> assertThat(row)
                .containsEntry("Traceability lot code", "(01)" + gtin + "(10)" + lotNumber)
                .containsEntry("GTIN", gtin).containsEntry("Lot", lotNumber).containsEntry("Unit of measure", "each")
                .containsEntry("Traceability lot code source GLN", lot.get("premises").asString()));
        assertThat(rows).extracting(row -> row.get("Event date")).isSortedAccordingTo(Comparator.naturalOrder());
        Map<String, Object> p = Map.of("gtin", gtin, "lot", lotNumber);

        List<Map<String, String>> made = of(rows, "TRANSFORMATION");
        assertThat(made).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("Event date", lot.get("produced").asLocalDate().toString())
                .containsEntry("Quantity", String.valueOf(lot.get("quantity").asLong()))
                .containsEntry("Event location GLN", lot.get("premises").asString())
                .containsEntry("Reference document type", "TRACEABILITY_CERTIFICATE"));
        assertThat(made.getFirst().get("Product description")).isNotBlank();

        List<Record> shipped = records("""
                MATCH (:Batch {gtin: $gtin, lot: $lot})<-[q:CARRIES]-(s:Shipment)-[:DEPARTS_FROM]->(from:Location)
                MATCH (s)-[:BOUND_FOR]->(to:Location)
                RETURN s.number AS number, s.billOfLading AS bl, toString(s.departedOn) AS date, q.quantity AS quantity,
                       from.gln AS from, to.gln AS to ORDER BY number""", p);
        List<Map<String, String>> shipping = of(rows, "SHIPPING");
        assertThat(shipping).hasSize(shipped.size()).isNotEmpty();
        for (Record s : shipped) {
            assertThat(shipping).as("analysts get the shipment number, not the bill of lading").anySatisfy(row -> assertThat(row)
                    .containsEntry("Reference document type", "SHIPMENT").containsEntry("Reference document number", s.get("number").asString())
                    .containsEntry("Event date", s.get("date").asString())
                    .containsEntry("Quantity", String.valueOf(s.get("quantity").asLong()))
                    .containsEntry("Ship-from GLN", s.get("from").asString()).containsEntry("Ship-to GLN", s.get("to").asString()));
        }

        List<Record> received = records("""
                MATCH (:Batch {gtin: $gtin, lot: $lot})<-[q:DECLARES]-(c:Consignment)-[:SHIPPED_AS]->(s:Shipment)
                WHERE s.arrivedOn IS NOT NULL
                MATCH (c)-[:ARRIVES_AT]->(port:Location)
                MATCH (importer:Organization)-[:IMPORTS]->(c)
                RETURN c.declarationNumber AS number, toString(s.arrivedOn) AS date, q.quantity AS quantity, port.gln AS port,
                       importer.gln AS importer""", p);
        List<Map<String, String>> receiving = of(rows, "RECEIVING");
        assertThat(receiving).hasSize(received.size()).isNotEmpty();
        for (Record c : received) {
            assertThat(receiving).anySatisfy(row -> assertThat(row)
                    .containsEntry("Reference document type", "CUSTOMS_DECLARATION")
                    .containsEntry("Reference document number", c.get("number").asString())
                    .containsEntry("Event date", c.get("date").asString())
                    .containsEntry("Quantity", String.valueOf(c.get("quantity").asLong()))
                    .containsEntry("Ship-to GLN", c.get("port").asString()).containsEntry("Event location GLN", c.get("port").asString())
                    .containsEntry("Business GLN", c.get("importer").asString()));
        }
        assertThat(rows).hasSize(1 + shipped.size() + received.size());

        List<Map<String, String>> asAdmin = Rfc4180.records(Rfc4180.parse(utf8(get("?gtin=" + gtin + "&lot=" + encode(lotNumber), "admin"))));
        assertThat(of(asAdmin, "SHIPPING")).as("administrators see the bill of lading").allSatisfy(row -> assertThat(row)
                .containsEntry("Reference document type", "BILL_OF_LADING"))
                .extracting(row -> row.get("Reference document number"))
                .containsExactlyInAnyOrderElementsOf(shipped.stream().map(s -> s.get("bl").asString()).toList());
    }

    @Test
    void the_file_for_the_workspace_is_the_same_export_as_the_endpoint_and_keeps_its_rules() throws Exception {
        String gtin = lot.get("gtin").asString();
        String lotNumber = lot.get("lot").asString();
        byte[] served = get("?gtin=" + gtin + "&lot=" + encode(lotNumber), "analyst").body();
        String analystOrg = driver.executableQuery("MATCH (:User {username: 'analyst'})-[:MEMBER_OF]->(o) RETURN o.gln AS gln")
                .execute().records().getFirst().get("gln").asString();
        Actor analyst = Actor.user("analyst", analystOrg, Role.ANALYST);

        Fsma204Files.File csv = CurrentActor.callAs(analyst,
                () -> files.render(gtin, lotNumber, null, null, Fsma204Files.Format.CSV));
        assertThat(csv.name()).isEqualTo("fsma204-" + gtin + "-" + lotNumber.replaceAll("[^A-Za-z0-9_-]", "_") + ".csv");
        assertThat(csv.mediaType()).startsWith("text/csv");
        assertThat(csv.content()).isEqualTo(served);
        assertThat(csv.records()).isEqualTo(Rfc4180.records(Rfc4180.parse(
                new String(served, 3, served.length - 3, StandardCharsets.UTF_8))).size());

        Fsma204Files.File xlsx = CurrentActor.callAs(analyst,
                () -> files.render(gtin, lotNumber, null, null, Fsma204Files.Format.XLSX));
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.content()))) {
            assertThat(workbook.getFirstSheet().read()).hasSize(csv.records() + 1);
        }

        assertThatThrownBy(() -> CurrentActor.callAs(Actor.user("importer", "0000000000000", Role.IMPORTER),
                () -> files.render(gtin, lotNumber, null, null, Fsma204Files.Format.CSV)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> CurrentActor.callAs(analyst, () -> files.render(gtin, null, null, null, Fsma204Files.Format.CSV)))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void the_xlsx_workbook_holds_the_same_records_with_numbers_and_dates_typed() throws Exception {
        String query = "?gtin=" + lot.get("gtin").asString() + "&lot=" + encode(lot.get("lot").asString());
        List<Map<String, String>> csvRows = Rfc4180.records(Rfc4180.parse(utf8(get(query, "analyst"))));
        HttpResponse<byte[]> response = get(XLSX, query, "analyst");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(Fsma204Workbook.MEDIA_TYPE);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains(".xlsx");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getFirstSheet();
            assertThat(sheet.getName()).isEqualTo(Fsma204Workbook.SHEET_NAME);
            List<Row> rows = sheet.read();
            assertThat(rows.getFirst().getCells(0, Fsma204Record.HEADER.size())).extracting(Cell::getText)
                    .containsExactlyElementsOf(Fsma204Record.HEADER);
            assertThat(rows).hasSize(csvRows.size() + 1);
            int quantity = Fsma204Record.HEADER.indexOf("Quantity");
            int date = Fsma204Record.HEADER.indexOf("Event date");
            for (int r = 1; r < rows.size(); r++) {
                Row row = rows.get(r);
                Map<String, String> expected = csvRows.get(r - 1);
                assertThat(row.getCell(quantity).getType()).isEqualTo(CellType.NUMBER);
                assertThat(row.getCell(quantity).asNumber().longValueExact()).hasToString(expected.get("Quantity"));
                assertThat(row.getCell(date).getType()).as("a date, not text").isEqualTo(CellType.NUMBER);
                assertThat(row.getCell(date).asDate().toLocalDate()).hasToString(expected.get("Event date"));
                for (int c = 0; c < Fsma204Record.HEADER.size(); c++) {
                    if (c != quantity && c != date) {
                        String text = row.getOptionalCell(c).map(Cell::getText).orElse("");
                        assertThat(text).as(Fsma204Record.HEADER.get(c)).isEqualTo(expected.get(Fsma204Record.HEADER.get(c)));
                    }
                }
            }
        }
        assertThat(get(XLSX, "?gtin=" + lot.get("gtin").asString() + "&lot=NO-SUCH-LOT", "analyst").statusCode()).isEqualTo(404);
        assertThat(get(XLSX, query, "producer").statusCode()).isEqualTo(403);
    }

    @Test
    void a_date_range_gives_every_lot_with_an_event_in_it() throws Exception {
        String day = lot.get("produced").asLocalDate().toString();
        HttpResponse<byte[]> response = get("?from=" + day + "&to=" + day, "inspector");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("fsma204-" + day + "-to-" + day + ".csv");
        List<Map<String, String>> rows = Rfc4180.records(Rfc4180.parse(utf8(response)));
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).containsEntry("Event date", day));
        assertThat(rows).anySatisfy(row -> assertThat(row)
                .containsEntry("Traceability lot code", "(01)" + lot.get("gtin").asString() + "(10)" + lot.get("lot").asString())
                .containsEntry("Critical tracking event", "TRANSFORMATION"));
        assertThat(rows).extracting(row -> row.get("Traceability lot code")).isSorted();
        long expected = count("""
                MATCH (b:Batch) WHERE b.productionDate = date($day) RETURN count(b) +
                  COUNT { MATCH (:Batch)<-[:CARRIES]-(s:Shipment) WHERE s.departedOn = date($day) } +
                  COUNT { MATCH (:Batch)<-[:DECLARES]-(:Consignment)-[:SHIPPED_AS]->(s:Shipment) WHERE s.arrivedOn = date($day) }""",
                Map.of("day", day));
        assertThat(rows).hasSize((int) expected);

        List<Map<String, String>> oneProduct = Rfc4180.records(Rfc4180.parse(utf8(get("?from=" + day + "&to=" + day + "&gtin="
                + lot.get("gtin").asString(), "admin"))));
        assertThat(oneProduct).isNotEmpty().allSatisfy(row -> assertThat(row).containsEntry("GTIN", lot.get("gtin").asString()));
    }

    @Test
    void the_export_needs_an_authority_and_well_formed_parameters() throws Exception {
        String lotQuery = "?gtin=" + lot.get("gtin").asString() + "&lot=" + encode(lot.get("lot").asString());
        assertThat(get(lotQuery, null).statusCode()).as("anonymous").isEqualTo(401);
        assertThat(get("?gtin=123", null).statusCode()).as("anonymous, whatever the parameters").isEqualTo(401);
        for (String user : List.of("importer", "producer", "exporter", "auditor")) {
            HttpResponse<byte[]> refused = get(lotQuery, user);
            assertThat(refused.statusCode()).as(user).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        for (String bad : List.of("", "?gtin=09506000134375&lot=L1", "?lot=L1", lotQuery + "&from=2026-01-01&to=2026-02-01",
                "?from=2026-01-01", "?from=2026-13-01&to=2026-12-31", "?from=2026-03-01&to=2026-02-01",
                "?gtin=" + lot.get("gtin").asString())) {
            HttpResponse<byte[]> response = get(bad, "analyst");
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(bad).startsWith("application/problem+json");
        }
        HttpResponse<byte[]> unknown = get("?gtin=" + lot.get("gtin").asString() + "&lot=NO-SUCH-LOT", "analyst");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(utf8(unknown)).contains("NO-SUCH-LOT");
    }

    private static List<Map<String, String>> of(List<Map<String, String>> rows, String event) {
        return rows.stream().filter(row -> event.equals(row.get("Critical tracking event"))).toList();
    }

    private HttpResponse<byte[]> get(String query, String user) throws Exception {
        return get(PATH, query, user);
    }

    private HttpResponse<byte[]> get(String path, String query, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path + query)).GET()
                .header("Accept", path.endsWith(".csv") ? "text/csv" : Fsma204Workbook.MEDIA_TYPE);
        if (user != null) {
            request.header("Authorization", "Bearer " + Partners.token(auth, user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String utf8(HttpResponse<byte[]> response) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private List<Record> records(String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher).withParameters(parameters).execute().records();
    }

    private long count(String cypher, Map<String, Object> parameters) {
        return RecallFixtures.count(driver, cypher, parameters);
    }

    /** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF between records. */
    static final class Rfc4180 {

        static List<List<String>> parse(String text) {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r') {
                    assertThat(text.charAt(i + 1)).as("CR is followed by LF").isEqualTo('\n');
                    record.add(field.toString());
                    field.setLength(0);
                    records.add(record);
                    record = new ArrayList<>();
                    i++;
                } else {
                    assertThat(c).as("no bare line feed").isNotEqualTo('\n');
                    field.append(c);
                }
            }
            assertThat(field.length() == 0 && record.isEmpty()).as("the last record ends with CRLF").isTrue();
            return records;
        }

        /** The records after the header, as maps from header to value. */
        static List<Map<String, String>> records(List<List<String>> table) {
            List<String> header = table.getFirst();
            List<Map<String, String>> rows = new ArrayList<>();
            for (List<String> record : table.subList(1, table.size())) {
                assertThat(record).hasSameSizeAs(header);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), record.get(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
