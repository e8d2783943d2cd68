package io.crosstrace.hub.registry;

import java.util.List;

/** Inputs of registration, record filing and assessment, as the GraphQL API takes them. */
public final class RegistrationInputs {

    private RegistrationInputs() {
    }

    public record OrganizationApplyInput(String gln, String name, String nameZh, String country, List<String> roles,
                                         String gs1CompanyPrefix, String adminUsername, String adminPassword,
                                         String idempotencyKey) {
        /** The password never takes part in the idempotency comparison's text, nor in logs. */
        @Override
        public String toString() {
            return "OrganizationApplyInput[" + gln + "," + name + "," + nameZh + "," + country + "," + roles + ","
                    + gs1CompanyPrefix + "," + adminUsername + "]";
        }
    }

    public record PremisesRegisterInput(String gln, String name, String nameZh, String address, String city,
                                        String country, Double latitude, Double longitude, String registrationNumber,
                                        String idempotencyKey) {
    }

    public record ProductFileInput(String gtin, String nameEn, String nameZh, String brand, String netContent,
                                   String category, String labelText, Integer shelfLifeDays, String idempotencyKey) {
    }

    public record ApplicationAssessInput(String application, String decision, List<String> reasons) {
    }
}
