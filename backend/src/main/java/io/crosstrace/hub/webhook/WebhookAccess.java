package io.crosstrace.hub.webhook;

import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/**
 * Who may do what with webhooks: the signed-in staff and systems of partner organizations, each for its own
 * organization's subscriptions and deliveries; platform administrators for everyone's. Analysts read trade
 * data, not partners' integrations, so an analyst role alone grants nothing here.
 */
final class WebhookAccess {

    private static final Role[] PARTNER_ROLES = {Role.PRODUCER, Role.EXPORTER, Role.AUDITOR, Role.INSPECTOR,
            Role.IMPORTER, Role.LOGISTICS, Role.PLATFORM_ADMIN};

    private WebhookAccess() {
    }

    /**
     * The caller, who must be signed in with a partner role.
     *
     * @throws org.springframework.security.authentication.AuthenticationCredentialsNotFoundException anonymous
     * @throws org.springframework.security.access.AccessDeniedException                              no such role
     */
    static Actor require() {
        return CurrentActor.require(PARTNER_ROLES);
    }

    /** The organization whose webhooks the actor sees, or null when it sees all. */
    static String scope(Actor actor) {
        return actor.has(Role.PLATFORM_ADMIN) ? null : actor.organizationGln();
    }
}
