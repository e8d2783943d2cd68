package io.crosstrace.seed;

import static io.crosstrace.seed.OrganizationRole.AUDITOR;
import static io.crosstrace.seed.OrganizationRole.EXPORTER;
import static io.crosstrace.seed.OrganizationRole.IMPORTER;
import static io.crosstrace.seed.OrganizationRole.LOGISTICS;
import static io.crosstrace.seed.OrganizationRole.PLATFORM;
import static io.crosstrace.seed.OrganizationRole.PORT_AUTHORITY;
import static io.crosstrace.seed.OrganizationRole.PRODUCER;

import java.util.List;

import io.crosstrace.gs1.Gln;
import io.crosstrace.gs1.Gtin;

/**
 * The fixed parties, sites, products and ports of every world. All names are invented; the identifiers
 * have real GS1 formats (Australian company prefixes start with 93, Chinese ones with 69) and valid check
 * digits, but are not registered to anyone.
 */
final class Cast {

    private static final String SOUTHERN_PASTURES = "9335721";
    private static final String TASMAN_HIGHLANDS = "9347260";
    private static final String RIVERINA_GOLDEN = "9358814";
    private static final String AUSTRAL_HARBOUR = "9361190";
    private static final String SOUTHERN_CROSS = "9370452";
    private static final String AU_PORTS = "9389903";
    private static final String PINGTAN_PORT_OFFICE = "6923301";
    private static final String HAIXIA_TRADING = "6935517";
    private static final String LANHAI_ECOMMERCE = "6947788";
    private static final String STRAIT_LINK = "6951206";
    private static final String PLATFORM_OPERATOR = "6970135";

    static final Organization SOUTHERN_PASTURES_DAIRY = new Organization(gln(SOUTHERN_PASTURES, 0),
            "Southern Pastures Dairy Co.", "南牧乳业有限公司", "AU", List.of(PRODUCER), SOUTHERN_PASTURES);
    static final Organization TASMAN_HIGHLANDS_NUTRITION = new Organization(gln(TASMAN_HIGHLANDS, 0),
            "Tasman Highlands Nutrition Pty Ltd", "塔斯曼高地营养有限公司", "AU", List.of(PRODUCER), TASMAN_HIGHLANDS);
    static final Organization RIVERINA_GOLDEN_DAIRY = new Organization(gln(RIVERINA_GOLDEN, 0),
            "Riverina Golden Dairies Pty Ltd", "瑞福金色乳业有限公司", "AU", List.of(PRODUCER), RIVERINA_GOLDEN);

    static final Organization EXPORTER_ORG = new Organization(gln(AUSTRAL_HARBOUR, 0),
            "Austral Harbour Export Pty Ltd", "澳港出口有限公司", "AU", List.of(EXPORTER), null);
    static final Organization AUDITOR_ORG = new Organization(gln(SOUTHERN_CROSS, 0),
            "Southern Cross Food Inspection Services Pty Ltd", "南十字食品检验服务有限公司", "AU", List.of(AUDITOR), null);
    static final Organization PORT_AUTHORITY_ORG = new Organization(gln(PINGTAN_PORT_OFFICE, 0),
            "Pingtan Port Inspection and Quarantine Office", "平潭口岸检验检疫办公室", "CN", List.of(PORT_AUTHORITY), null);
    static final Organization IMPORTER_HAIXIA = new Organization(gln(HAIXIA_TRADING, 0),
            "Pingtan Haixia Cross-Border Trading Co., Ltd.", "平潭海峡跨境贸易有限公司", "CN", List.of(IMPORTER), null);
    static final Organization IMPORTER_LANHAI = new Organization(gln(LANHAI_ECOMMERCE, 0),
            "Pingtan Lanhai Cross-Border E-Commerce Co., Ltd.", "平潭蓝海跨境电商有限公司", "CN", List.of(IMPORTER), null);
    static final Organization LOGISTICS_ORG = new Organization(gln(STRAIT_LINK, 0),
            "Strait Link Logistics Co., Ltd.", "海峡通达物流有限公司", "CN", List.of(LOGISTICS), null);
    static final Organization PLATFORM_ORG = new Organization(gln(PLATFORM_OPERATOR, 0),
            "Pingtan Cross-Border Traceability Platform Co., Ltd.", "平潭跨境溯源平台运营有限公司", "CN", List.of(PLATFORM),
            null);

    static final List<Organization> ORGANIZATIONS = List.of(SOUTHERN_PASTURES_DAIRY, TASMAN_HIGHLANDS_NUTRITION,
            RIVERINA_GOLDEN_DAIRY, EXPORTER_ORG, AUDITOR_ORG, PORT_AUTHORITY_ORG, IMPORTER_HAIXIA, IMPORTER_LANHAI,
            LOGISTICS_ORG, PLATFORM_ORG);

    static final List<Organization> IMPORTERS = List.of(IMPORTER_HAIXIA, IMPORTER_LANHAI);

    static final Location PORT_OF_MELBOURNE = new Location(gln(AU_PORTS, 11), "Port of Melbourne", "墨尔本港",
            LocationKind.PORT, "AU", "Melbourne", -37.8228, 144.9155);
    static final Location PORT_OF_SYDNEY = new Location(gln(AU_PORTS, 28), "Port of Sydney (Port Botany)", "悉尼港",
            LocationKind.PORT, "AU", "Sydney", -33.9700, 151.2220);
    static final Location PINGTAN_PORT = new Location(gln(PINGTAN_PORT_OFFICE, 15), "Pingtan Jinjing Port", "平潭金井港",
            LocationKind.PORT, "CN", "Pingtan", 25.5731, 119.6985);
    static final Location PINGTAN_COMPLIANCE_CENTRE = new Location(gln(PINGTAN_PORT_OFFICE, 22),
            "Pingtan Cross-Border E-Commerce Compliance Centre", "平潭跨境电商监管中心", LocationKind.COMPLIANCE_CENTRE,
            "CN", "Pingtan", 25.5036, 119.7902);

    static final List<Location> LOCATIONS = List.of(PORT_OF_MELBOURNE, PORT_OF_SYDNEY, PINGTAN_PORT,
            PINGTAN_COMPLIANCE_CENTRE);

    static final List<Premises> PREMISES = List.of(
            new Premises(gln(SOUTHERN_PASTURES, 101), "CAUS1601210047", "Southern Pastures Cobden Drying Plant",
                    "南牧乳业科布登干燥工厂", "18 Creamery Road, Cobden VIC 3266", "Cobden", "AU", -38.3298, 143.0749,
                    SOUTHERN_PASTURES_DAIRY.gln()),
            new Premises(gln(SOUTHERN_PASTURES, 102), "CAUS1601210112", "Southern Pastures Warrnambool Canning Plant",
                    "南牧乳业沃南布尔罐装工厂", "7 Harbour View Drive, Warrnambool VIC 3280", "Warrnambool", "AU",
                    -38.3830, 142.4810, SOUTHERN_PASTURES_DAIRY.gln()),
            new Premises(gln(TASMAN_HIGHLANDS, 101), "CAUS1601220305", "Tasman Highlands Burnie Nutrition Plant",
                    "塔斯曼高地伯尼营养品工厂", "42 Marine Terrace, Burnie TAS 7320", "Burnie", "AU", -41.0533, 145.9063,
                    TASMAN_HIGHLANDS_NUTRITION.gln()),
            new Premises(gln(RIVERINA_GOLDEN, 101), "CAUS1601230418", "Riverina Golden Leeton Dairy Plant",
                    "瑞福金色利顿乳品工厂", "3 Irrigation Way, Leeton NSW 2705", "Leeton", "AU", -34.5530, 146.4047,
                    RIVERINA_GOLDEN_DAIRY.gln()),
            new Premises(gln(RIVERINA_GOLDEN, 102), "CAUS1601230526", "Riverina Golden Wagga Wagga Canning Plant",
                    "瑞福金色沃加沃加罐装工厂", "120 Bomen Road, Wagga Wagga NSW 2650", "Wagga Wagga", "AU", -35.0672,
                    147.3922, RIVERINA_GOLDEN_DAIRY.gln()));

    static final List<Product> PRODUCTS = List.of(
            new Product(gtin(SOUTHERN_PASTURES, 10011), "Pasture Gold Stage 1 Infant Formula (0-6 months)",
                    "牧金 1段 婴儿配方奶粉（0-6月龄）", "Pasture Gold", "800 g", "INFANT_FORMULA",
                    SOUTHERN_PASTURES_DAIRY.gln()),
            new Product(gtin(SOUTHERN_PASTURES, 10028), "Pasture Gold Stage 2 Follow-on Formula (6-12 months)",
                    "牧金 2段 较大婴儿配方奶粉（6-12月龄）", "Pasture Gold", "800 g", "FOLLOW_ON_FORMULA",
                    SOUTHERN_PASTURES_DAIRY.gln()),
            new Product(gtin(TASMAN_HIGHLANDS, 20015), "Highland Goat Stage 1 Goat Milk Infant Formula (0-6 months)",
                    "高地山羊 1段 羊奶婴儿配方奶粉（0-6月龄）", "Highland Goat", "800 g", "INFANT_FORMULA",
                    TASMAN_HIGHLANDS_NUTRITION.gln()),
            new Product(gtin(TASMAN_HIGHLANDS, 20022), "Highland Goat Stage 3 Toddler Milk Drink (1-3 years)",
                    "高地山羊 3段 幼儿配方奶粉（1-3岁）", "Highland Goat", "800 g", "TODDLER_FORMULA",
                    TASMAN_HIGHLANDS_NUTRITION.gln()),
            new Product(gtin(RIVERINA_GOLDEN, 30019), "Golden Plains Stage 1 Infant Formula (0-6 months)",
                    "金色平原 1段 婴儿配方奶粉（0-6月龄）", "Golden Plains", "800 g", "INFANT_FORMULA",
                    RIVERINA_GOLDEN_DAIRY.gln()),
            new Product(gtin(RIVERINA_GOLDEN, 30026), "Golden Plains Full Cream Milk Powder",
                    "金色平原 全脂奶粉", "Golden Plains", "1 kg", "MILK_POWDER", RIVERINA_GOLDEN_DAIRY.gln()));

    private Cast() {
    }

    /** Victorian and Tasmanian goods leave through Melbourne, New South Wales goods through Sydney. */
    static Location portOfLoading(Product product) {
        return product.owner().equals(RIVERINA_GOLDEN_DAIRY.gln()) ? PORT_OF_SYDNEY : PORT_OF_MELBOURNE;
    }

    static List<Premises> premisesOf(Gln producer) {
        return PREMISES.stream().filter(p -> p.operator().equals(producer)).toList();
    }

    /** A GLN: the company prefix, a location reference padded to 12 data digits, and the check digit. */
    private static Gln gln(String companyPrefix, int locationReference) {
        String reference = String.valueOf(locationReference);
        int width = 12 - companyPrefix.length();
        return Gln.fromDataDigits(companyPrefix + "0".repeat(width - reference.length()) + reference);
    }

    /** A GTIN-14 with indicator digit 0, i.e. the GTIN-13 printed on the can, padded. */
    private static Gtin gtin(String companyPrefix, int itemReference) {
        String reference = String.valueOf(itemReference);
        int width = 12 - companyPrefix.length();
        return Gtin.fromDataDigits("0" + companyPrefix + "0".repeat(width - reference.length()) + reference);
    }
}
