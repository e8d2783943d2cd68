package io.crosstrace.hub.code;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.InvalidIdentifierException;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.batch.BatchService;
import io.crosstrace.hub.graphql.UserError;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.graphql.Links;
import io.crosstrace.hub.graphql.NotFoundException;

/** {@code batchIssueCodes}: issues unit codes and answers with their signed URIs. */
@Controller
class CodeIssueGraphQlController {

    private static final List<String> BATCH_FIELD = List.of("input", "batch");

    private final CodeMintingService minting;
    private final BatchService batches;
    private final TraceCodeService codes;
    private final CodeSigner signer;
    private final ResolverBaseUrl resolverBase;

    CodeIssueGraphQlController(CodeMintingService minting, BatchService batches, TraceCodeService codes, CodeSigner signer,
            ResolverBaseUrl resolverBase) {
        this.minting = minting;
        this.batches = batches;
        this.codes = codes;
        this.signer = signer;
        this.resolverBase = resolverBase;
    }

    @MutationMapping
    BatchIssueCodesPayload batchIssueCodes(@Argument BatchIssueCodesInput input) {
        Gtin gtin;
        LotNumber lot;
        try {
            Map<String, Object> key = Batch.keyParameters(GlobalId.keyOf(input.batch(), Batch.TYPE));
            gtin = Gtin.parse((String) key.get("gtin"));
            lot = new LotNumber((String) key.get("lot"));
        } catch (BadInputException | InvalidIdentifierException e) {
            return BatchIssueCodesPayload.rejected(new UserError(BATCH_FIELD, e.getMessage(), "INVALID_ID"));
        }
        try {
            CodeIssue issue = minting.issueCodes(gtin, lot, input.count(), input.idempotencyKey());
            return new BatchIssueCodesPayload(batches.batch(gtin, lot).orElse(null), issue.count(), issue.firstPaths(),
                    List.of());
        } catch (CodeIssueRejectedException e) {
            return BatchIssueCodesPayload.rejected(
                    new UserError(List.of("input", e.reason().field()), e.getMessage(), e.reason().name()));
        } catch (NotFoundException e) {
            return BatchIssueCodesPayload.rejected(new UserError(BATCH_FIELD, e.getMessage(), "BATCH_NOT_FOUND"));
        }
    }

    @SchemaMapping(typeName = "BatchIssueCodesPayload", field = "codes")
    List<IssuedCode> issuedCodes(BatchIssueCodesPayload payload, @Argument Integer first,
            @ContextValue(name = ResolverBaseGraphQlInterceptor.CONTEXT_KEY, required = false) String requestBase) {
        int size = first == null ? 20 : first;
        if (size < 0 || size > CodeMintingService.LISTED_PATHS) {
            throw new BadInputException("'first' is 0 to " + CodeMintingService.LISTED_PATHS + " (was " + size + ")");
        }
        String base = resolverBase.configuredOr(requestBase == null ? "" : requestBase);
        return payload.firstPaths().stream().limit(size).map(path -> {
            DigitalLink link = DigitalLink.parse(path);
            return new IssuedCode(link.uri(base), signer.signedUri(link, base), path);
        }).toList();
    }

    @BatchMapping(typeName = "IssuedCode", field = "traceCode")
    Map<IssuedCode, TraceCode> traceCode(List<IssuedCode> issued) {
        return Links.one(issued, IssuedCode::path, codes::traceCodesByPath);
    }

    /** The GraphQL {@code BatchIssueCodesInput}; the batch comes as a global ID. */
    record BatchIssueCodesInput(String batch, int count, String idempotencyKey) {
    }

    /** {@code firstPaths} backs the {@code codes} field, which renders them as URIs for the request's host. */
    record BatchIssueCodesPayload(Batch batch, int issuedCount, List<String> firstPaths, List<UserError> userErrors) {

        static BatchIssueCodesPayload rejected(UserError error) {
            return new BatchIssueCodesPayload(null, 0, List.of(), List.of(error));
        }
    }

    record IssuedCode(String uri, String signedUri, String path) {
    }
}
