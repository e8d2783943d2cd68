package io.crosstrace.hub.port;

import static io.crosstrace.hub.port.PortCheck.BLACKLIST;

import java.util.ArrayList;
import java.util.List;

/**
 * No active blacklisting blocks the producer organization, the premises or the importer of record. The blacklist
 * belongs to the risk feature; this only reads its {@code (:Blacklisting {active: true})-[:BLOCKS]->()} links.
 */
final class BlacklistRule implements PortRule {

    @Override
    public PortCheck check() {
        return BLACKLIST;
    }

    @Override
    public CheckResult evaluate(Evidence e) {
        List<BlacklistFact> blocked = new ArrayList<>(e.facts().blacklistings());
        blocked.addAll(e.consignment().importerBlacklistings());
        if (blocked.isEmpty()) {
            return CheckResult.pass(BLACKLIST, "Neither producer, premises nor importer is blacklisted",
                    "生产商、生产工厂和进口商均未列入黑名单");
        }
        List<String> en = new ArrayList<>();
        List<String> zh = new ArrayList<>();
        for (BlacklistFact b : blocked) {
            String reason = b.reason() == null ? "" : ": " + b.reason();
            String reasonZh = b.reason() == null ? "" : "：" + b.reason();
            en.add(switch (b.party()) {
                case "PRODUCER" -> "producer ";
                case "PREMISES" -> "premises ";
                default -> "importer ";
            } + b.name() + " is blacklisted" + reason);
            zh.add(switch (b.party()) {
                case "PRODUCER" -> "生产商 ";
                case "PREMISES" -> "生产工厂 ";
                default -> "进口商 ";
            } + b.name() + " 已被列入黑名单" + reasonZh);
        }
        String first = en.getFirst();
        en.set(0, Character.toUpperCase(first.charAt(0)) + first.substring(1));
        return CheckResult.fail(BLACKLIST, String.join("; ", en), String.join("；", zh));
    }
}
