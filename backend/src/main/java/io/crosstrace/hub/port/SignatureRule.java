package io.crosstrace.hub.port;

import static io.crosstrace.hub.port.PortCheck.CODE_SIGNATURE;

/** The code carries a digital signature made by one of the hub's keys over exactly this code. */
final class SignatureRule implements PortRule {

    @Override
    public PortCheck check() {
        return CODE_SIGNATURE;
    }

    @Override
    public CheckResult evaluate(Evidence e) {
        return switch (e.signature()) {
            case VALID -> CheckResult.pass(CODE_SIGNATURE, "Digital signature valid", "数字签名有效");
            case ABSENT -> CheckResult.fail(CODE_SIGNATURE,
                    "The code carries no digital signature (AI 8030), so it cannot be shown to be genuine",
                    "追溯码不含数字签名（AI 8030），无法证明为正品");
            case UNKNOWN_KEY -> CheckResult.fail(CODE_SIGNATURE,
                    "The code is signed with a key the hub does not know: possibly counterfeit",
                    "追溯码的签名密钥不属于本平台，可能为伪造");
            case INVALID -> CheckResult.fail(CODE_SIGNATURE,
                    "The digital signature does not match the code: possibly counterfeit",
                    "数字签名与追溯码不符，可能为伪造");
        };
    }
}
