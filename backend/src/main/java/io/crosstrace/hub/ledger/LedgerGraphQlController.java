package io.crosstrace.hub.ledger;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.graphql.Selections;

/** The ledger's queries; who may read what is decided by {@link LedgerReadService}. */
@Controller
class LedgerGraphQlController {

    private final LedgerReadService ledger;

    LedgerGraphQlController(LedgerReadService ledger) {
        this.ledger = ledger;
    }

    @QueryMapping
    Connection<LedgerEntry> ledgerEntries(@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return ledger.entries(PageRequest.of(first, after), Selections.wantsTotalCount(env));
    }

    @QueryMapping
    LedgerVerification ledgerVerification() {
        return ledger.verification();
    }

    @QueryMapping
    LedgerProof ledgerProof(@Argument int seq) {
        return ledger.proof(seq);
    }
}
