package io.crosstrace.hub.scan;

import java.util.Map;

/** The scan page's words in Simplified Chinese and English. */
final class ScanMessages {

    private static final Map<String, String[]> TEXT = Map.ofEntries(
            // key -> {zh, en}
            Map.entry("title", new String[] {"产品溯源", "Product traceability"}),
            Map.entry("verdict.GENUINE", new String[] {"正品 · 已验证", "Genuine · verified"}),
            Map.entry("verdict.WARNING", new String[] {"请注意", "Warning"}),
            Map.entry("verdict.RECALLED", new String[] {"已召回 · 请勿食用", "Recalled · do not use"}),
            Map.entry("verdict.NOT_GENUINE", new String[] {"非正品 · 签名无效", "Not genuine · invalid signature"}),
            Map.entry("verdict.NOT_REGISTERED", new String[] {"未注册的追溯码", "Not a registered code"}),
            Map.entry("notRegistered.body", new String[] {
                    "此码格式正确，但不是本平台签发的追溯码。请勿购买或食用，并联系销售方。",
                    "This code is well formed but was not issued by this traceability hub. Do not buy or use the product; contact the seller."}),
            Map.entry("badCode.title", new String[] {"无法识别的追溯码", "This code cannot be read"}),
            Map.entry("badCode.body", new String[] {"此链接不是有效的 GS1 数字链接追溯码：",
                    "This link is not a valid GS1 Digital Link traceability code:"}),
            Map.entry("notGenuine.body", new String[] {
                    "此码的数字签名无法验证，可能是伪造的。请勿食用，并举报问题。",
                    "The digital signature of this code does not verify: it may be counterfeit. Do not use the product and report it."}),
            Map.entry("signature.VALID", new String[] {"数字签名有效", "Digital signature valid"}),
            Map.entry("signature.ABSENT", new String[] {"此链接不含数字签名；已按注册记录核对", "No signature in this link; checked against the register"}),
            Map.entry("signature.INVALID", new String[] {"数字签名无效", "Digital signature invalid"}),
            Map.entry("EXPIRED_PRODUCT", new String[] {"产品已过保质期", "The product is past its expiry date"}),
            Map.entry("CERTIFICATE_REVOKED", new String[] {"溯源证书已被撤销", "The traceability certificate was revoked"}),
            Map.entry("product", new String[] {"产品", "Product"}),
            Map.entry("brand", new String[] {"品牌", "Brand"}),
            Map.entry("netContent", new String[] {"净含量", "Net content"}),
            Map.entry("lot", new String[] {"批号", "Lot"}),
            Map.entry("serial", new String[] {"序列号", "Serial"}),
            Map.entry("productionDate", new String[] {"生产日期", "Production date"}),
            Map.entry("expiryDate", new String[] {"保质期至", "Best before"}),
            Map.entry("origin", new String[] {"产地", "Origin"}),
            Map.entry("producer", new String[] {"生产商", "Producer"}),
            Map.entry("premises", new String[] {"生产工厂", "Premises"}),
            Map.entry("registration", new String[] {"境外生产企业注册号", "Overseas manufacturer registration"}),
            Map.entry("country", new String[] {"国家", "Country"}),
            Map.entry("location", new String[] {"位置", "Location"}),
            Map.entry("journey", new String[] {"溯源旅程", "Journey"}),
            Map.entry("certificates", new String[] {"证书", "Certificates"}),
            Map.entry("issuer", new String[] {"签发机构", "Issuer"}),
            Map.entry("validity", new String[] {"有效期", "Valid"}),
            Map.entry("certSignature", new String[] {"签发机构签名", "Issuer's signature"}),
            Map.entry("certSignature.VERIFIED", new String[] {"已验证：由签发机构签署，未被篡改", "Verified: signed by the issuer, unchanged"}),
            Map.entry("certSignature.INVALID", new String[] {"验证失败：证书内容或密钥不符，请勿信任", "Does not verify: the certificate or key changed; do not trust it"}),
            Map.entry("certSignature.UNSIGNED", new String[] {"未签名（签名功能启用前签发）", "Not signed (issued before signing began)"}),
            Map.entry("verify", new String[] {"验证", "Verify"}),
            Map.entry("status.VALID", new String[] {"有效", "valid"}),
            Map.entry("status.REVOKED", new String[] {"已撤销", "revoked"}),
            Map.entry("status.EXPIRED", new String[] {"已过期", "expired"}),
            Map.entry("scans.first", new String[] {"这是此产品的首次扫码。", "This is the first scan of this unit."}),
            Map.entry("scans.before", new String[] {"此产品此前已被扫码 %d 次。", "This unit was scanned %d times before."}),
            Map.entry("result.PASS", new String[] {"合格", "passed"}),
            Map.entry("result.FAIL", new String[] {"不合格", "failed"}),
            Map.entry("step.PREMISES_AUDIT", new String[] {"工厂审核", "Premises audit"}),
            Map.entry("step.LABEL_APPROVAL", new String[] {"标签审核", "Label approval"}),
            Map.entry("step.PRODUCTION_CHECK", new String[] {"生产日期核查", "Production check"}),
            Map.entry("step.PACKAGING_CHECK", new String[] {"包装检查", "Packaging check"}),
            Map.entry("step.LOADING_SUPERVISION", new String[] {"监装", "Loading supervision"}),
            Map.entry("step.PRE_SHIPMENT_INSPECTION", new String[] {"装运前检验", "Pre-shipment inspection"}),
            Map.entry("step.DEPARTURE", new String[] {"启运", "Departure"}),
            Map.entry("step.ARRIVAL", new String[] {"抵达口岸", "Arrival at the port"}),
            Map.entry("step.PORT_VERIFICATION", new String[] {"口岸核查", "Port verification"}),
            Map.entry("step.RELEASE", new String[] {"通关放行", "Released"}),
            Map.entry("step.PARTNER_EVENT", new String[] {"合作伙伴记录", "Partner record"}),
            Map.entry("report.title", new String[] {"举报问题", "Report a problem"}),
            Map.entry("report.what", new String[] {"发现了什么问题？", "What is wrong?"}),
            Map.entry("report.where", new String[] {"购买地点", "Where did you buy it?"}),
            Map.entry("report.contact", new String[] {"联系方式（选填）", "Contact (optional)"}),
            Map.entry("report.send", new String[] {"提交", "Send"}),
            Map.entry("report.thanks", new String[] {"感谢您的举报，口岸检验机构将会查看。", "Thank you. The port inspection authority will look at your report."}),
            Map.entry("report.tooMany", new String[] {"提交过于频繁，请稍后再试。", "Too many reports from this device; please try again later."}),
            Map.entry("report.invalid", new String[] {"请描述问题（最多 1000 字）。", "Please describe the problem (at most 1,000 characters)."}),
            Map.entry("level.PRODUCT", new String[] {"产品信息（未含批次与序列号）", "Product information (no lot or serial in this code)"}),
            Map.entry("level.BATCH", new String[] {"批次信息（未含序列号）", "Batch information (no serial in this code)"}),
            Map.entry("level.PREMISES", new String[] {"生产工厂信息", "Premises information"}),
            Map.entry("unavailable.title", new String[] {"暂时无法查询", "Temporarily unavailable"}),
            Map.entry("unavailable.body", new String[] {
                    "溯源信息暂时无法读取，请稍后再扫码或刷新本页。这与产品本身无关。",
                    "The traceability record cannot be read right now. Please scan again or reload this page in a moment; this says nothing about the product itself."}),
            Map.entry("switch", new String[] {"English", "中文"}),
            Map.entry("footer", new String[] {"由 CrossTrace 跨境溯源平台提供", "Provided by the CrossTrace traceability hub"}));

    private final boolean chinese;

    ScanMessages(boolean chinese) {
        this.chinese = chinese;
    }

    boolean chinese() {
        return chinese;
    }

    /** The same words in the page's other language. */
    ScanMessages other() {
        return new ScanMessages(!chinese);
    }

    String lang() {
        return chinese ? "zh-CN" : "en";
    }

    /** The text for a key; a text that is not a key (e.g. a recall reason) is returned as it is. */
    String get(String key) {
        String[] text = TEXT.get(key);
        return text == null ? key : text[chinese ? 0 : 1];
    }

    boolean has(String key) {
        return TEXT.containsKey(key);
    }
}
