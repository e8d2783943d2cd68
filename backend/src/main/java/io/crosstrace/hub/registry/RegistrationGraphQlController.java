package io.crosstrace.hub.registry;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import graphql.schema.DataFetchingEnvironment;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.graphql.Links;
import io.crosstrace.hub.graphql.NodeFetcher;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.graphql.Selections;
import io.crosstrace.hub.graphql.UserError;
import io.crosstrace.hub.mutation.Outcome;
import io.crosstrace.hub.registry.RegistrationInputs.ApplicationAssessInput;
import io.crosstrace.hub.registry.RegistrationInputs.OrganizationApplyInput;
import io.crosstrace.hub.registry.RegistrationInputs.PremisesRegisterInput;
import io.crosstrace.hub.registry.RegistrationInputs.ProductFileInput;

/** Registration, record filing and assessment over GraphQL. */
@Controller
class RegistrationGraphQlController {

    record ApplicationPayload(Application application, List<UserError> userErrors) {
        static ApplicationPayload of(Outcome<Application> outcome) {
            return new ApplicationPayload(outcome.value(), outcome.userErrors());
        }
    }

    private final RegistrationService registration;
    private final RegistryService registry;

    RegistrationGraphQlController(RegistrationService registration, RegistryService registry) {
        this.registration = registration;
        this.registry = registry;
    }

    @QueryMapping
    Connection<Application> applications(@Argument String status, @Argument String kind, @Argument Integer first,
                                         @Argument String after, DataFetchingEnvironment env) {
        return registration.applications(status, kind, PageRequest.of(first, after), Selections.wantsTotalCount(env));
    }

    @MutationMapping
    ApplicationPayload organizationApply(@Argument OrganizationApplyInput input) {
        return ApplicationPayload.of(registration.applyOrganization(input));
    }

    @MutationMapping
    ApplicationPayload premisesRegister(@Argument PremisesRegisterInput input) {
        return ApplicationPayload.of(registration.registerPremises(input));
    }

    @MutationMapping
    ApplicationPayload productFile(@Argument ProductFileInput input) {
        return ApplicationPayload.of(registration.fileProduct(input));
    }

    @MutationMapping
    ApplicationPayload applicationAssess(@Argument ApplicationAssessInput input) {
        String number;
        try {
            number = GlobalId.keyOf(input.application(), Application.TYPE);
        } catch (BadInputException e) {
            return new ApplicationPayload(null, List.of(UserError.of("INVALID_ID", e.getMessage(), "input", "application")));
        }
        return ApplicationPayload.of(registration.assess(number, input.decision(), input.reasons()));
    }

    @BatchMapping(typeName = "Application", field = "applicant")
    Map<Application, Organization> applicant(List<Application> list) {
        return Links.one(list, Application::applicantGln, registry::organizationsByGln);
    }

    @BatchMapping(typeName = "Application", field = "subject")
    Map<Application, Object> subject(List<Application> list) {
        Map<String, Organization> organizations = registry.organizationsByGln(keysOf(list, "Organization"));
        Map<String, Premises> premises = registry.premisesByGln(keysOf(list, "Premises"));
        Map<String, Product> products = registry.productsByGtin(keysOf(list, "Product"));
        Map<Application, Object> subjects = new java.util.LinkedHashMap<>();
        for (Application a : list) {
            Object subject = switch (String.valueOf(a.subjectType())) {
                case "Organization" -> organizations.get(a.subjectKey());
                case "Premises" -> premises.get(a.subjectKey());
                case "Product" -> products.get(a.subjectKey());
                default -> null;
            };
            subjects.put(a, subject);
        }
        return subjects;
    }

    private static List<String> keysOf(List<Application> list, String type) {
        return list.stream().filter(a -> type.equals(a.subjectType())).map(Application::subjectKey).distinct().toList();
    }

    @Bean
    NodeFetcher applicationNodes(RegistrationService registration) {
        return NodeFetcher.of(Application.TYPE, registration::applicationsByNumber);
    }
}
