package io.crosstrace.hub.port;

import static io.crosstrace.hub.port.PortCheck.CODE_ISSUED;

/** The hub issued this unit code, as a unit of the batch it names. */
final class IssuedRule implements PortRule {

    @Override
    public PortCheck check() {
        return CODE_ISSUED;
    }

    @Override
    public CheckResult evaluate(Evidence e) {
        CodeFacts f = e.facts();
        if (!f.codeFound()) {
            return CheckResult.fail(CODE_ISSUED, "The hub never issued a unit code with this number",
                    "本平台未签发此追溯码");
        }
        if (!f.codeOfBatch()) {
            return CheckResult.fail(CODE_ISSUED, "The code is registered, but not as a unit of batch " + e.lot(),
                    "此追溯码已登记，但不属于批次 " + e.lot());
        }
        String day = f.issuedAt() == null ? "" : " on " + f.issuedAt().toLocalDate();
        String dayZh = f.issuedAt() == null ? "" : "于 " + f.issuedAt().toLocalDate() + " ";
        return CheckResult.pass(CODE_ISSUED, "Issued by the hub" + day, "本平台" + dayZh + "签发");
    }
}
