package io.crosstrace.hub.scan.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Words each clone flag in English and Simplified Chinese, for consumers on the scan page and for inspectors.
 * Times are given in the market's zone, where both read them. Reasons name counts, distances and times but
 * never a client fingerprint or a consumer's coordinates: flags are shown to anyone who scans the code.
 */
final class CloneReasons {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final Map<String, String> STATUS_ZH = Map.of(
            "DECLARED", "已申报",
            "IN_TRANSIT", "运输中",
            "ARRIVED", "已到港",
            "UNDER_INSPECTION", "查验中",
            "HELD", "已扣留",
            "REJECTED", "不予放行",
            "RELEASED", "已放行");

    /** One reason in both languages. */
    record Reason(String en, String zh) {
    }

    /** A consignment of the batch as the reasons name it. */
    record Declaration(String number, String status) {
    }

    private final ZoneId zone;

    CloneReasons(ZoneId zone) {
        this.zone = zone;
    }

    Reason manyClients(long clients, Duration window, Instant first, Instant last, int maxClients) {
        return new Reason(
                "Scanned by %d different devices within %s (%s to %s, %s); a genuine unit is rarely scanned by more than %d."
                        .formatted(clients, spanEn(window), minute(first), minute(last), zone, maxClients),
                "%s内被 %d 台不同设备扫描（%s 至 %s，%s）；正品通常不会被超过 %d 台设备扫描。"
                        .formatted(spanZh(window), clients, minute(first), minute(last), zone, maxClients));
    }

    Reason farApart(double km, Instant first, Instant second) {
        String distance = String.format(Locale.ROOT, "%,d", Math.round(km));
        Duration between = Duration.between(first, second).abs();
        return new Reason(
                "Scanned in two places %s km apart within %s (%s and %s, %s); one unit cannot travel that fast."
                        .formatted(distance, spanEn(between), minute(first), minute(second), zone),
                "在 %s内于相距 %s 公里的两地被扫描（%s 与 %s，%s）；同一件商品不可能移动得这么快。"
                        .formatted(spanZh(between), distance, minute(first), minute(second), zone));
    }

    Reason scannedBeforeRelease(String lot, Instant firstScan, LocalDate releasedOn) {
        return new Reason(
                "Scanned on %s, before batch %s was released at the port on %s."
                        .formatted(day(firstScan), lot, DAY.format(releasedOn)),
                "于 %s 被扫描，早于批次 %s 在口岸放行的日期 %s。"
                        .formatted(day(firstScan), lot, DAY.format(releasedOn)));
    }

    Reason scannedWhileNotReleased(String lot, Instant firstScan, List<Declaration> declarations) {
        String en = declarations.stream().map(d -> d.number() + ": " + d.status()).collect(Collectors.joining(", "));
        String zh = declarations.stream().map(d -> d.number() + "：" + STATUS_ZH.getOrDefault(d.status(), d.status()))
                .collect(Collectors.joining("，"));
        return new Reason(
                "Scanned on %s, but no consignment of batch %s has been released to this market (%s)."
                        .formatted(day(firstScan), lot, en),
                "于 %s 被扫描，但批次 %s 的进口申报均未放行（%s）。".formatted(day(firstScan), lot, zh));
    }

    Reason notShippedHere(String lot, boolean shipped) {
        return new Reason(
                "Batch %s was never declared for import into this market, so no genuine unit of it should be scanned here%s."
                        .formatted(lot, shipped ? "" : "; it has not even left the producer"),
                "批次 %s 从未申报进口到本市场，本地不应出现其正品%s。"
                        .formatted(lot, shipped ? "" : "，该批次甚至尚未从生产商发运"));
    }

    private String minute(Instant instant) {
        return MINUTE.format(instant.atZone(zone));
    }

    private String day(Instant instant) {
        return DAY.format(instant.atZone(zone));
    }

    static String spanEn(Duration span) {
        long minutes = span.toMinutes();
        if (minutes < 1) {
            return span.toSeconds() + " s";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return hours == 0 ? rest + " min" : rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }

    static String spanZh(Duration span) {
        long minutes = span.toMinutes();
        if (minutes < 1) {
            return span.toSeconds() + " 秒";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return hours == 0 ? rest + " 分钟" : rest == 0 ? hours + " 小时" : hours + " 小时 " + rest + " 分钟";
    }
}
