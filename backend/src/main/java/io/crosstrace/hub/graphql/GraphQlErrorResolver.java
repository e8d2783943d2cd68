package io.crosstrace.hub.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import io.crosstrace.gs1.InvalidIdentifierException;
import io.crosstrace.hub.graphdb.GraphDatabaseAvailability;
import io.crosstrace.hub.graphdb.GraphDatabaseFailures;

/**
 * Maps exceptions to classified GraphQL errors. Anything unexpected becomes INTERNAL_ERROR with a neutral
 * message and is logged here; no stack trace or exception text reaches the client.
 */
@Component
class GraphQlErrorResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrorResolver.class);

    private final GraphDatabaseAvailability availability;

    GraphQlErrorResolver(GraphDatabaseAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (GraphDatabaseFailures.isUnavailability(ex) || GraphDatabaseFailures.isTransient(ex)) {
            availability.report(ex);
            return GraphqlErrorBuilder.newError(env).errorType(Unavailable.UNAVAILABLE)
                    .message("The hub's database cannot be reached right now; retry in "
                            + Math.max(1, availability.retryAfter().toSeconds()) + " seconds")
                    .build();
        }
        ErrorType type;
        String message = ex.getMessage();
        if (GraphDatabaseFailures.isUnusableBookmark(ex)) {
            type = ErrorType.BAD_REQUEST;
            message = GraphDatabaseFailures.UNUSABLE_BOOKMARK;
        } else if (ex instanceof InvalidIdentifierException || ex instanceof BadInputException) {
            type = ErrorType.BAD_REQUEST;
        } else if (ex instanceof NotFoundException) {
            type = ErrorType.NOT_FOUND;
        } else if (ex instanceof org.springframework.security.core.AuthenticationException) {
            type = ErrorType.UNAUTHORIZED;
        } else if (ex instanceof org.springframework.security.access.AccessDeniedException) {
            type = ErrorType.FORBIDDEN;
        } else {
            log.error("Unexpected error in {}", env.getExecutionStepInfo().getPath(), ex);
            type = ErrorType.INTERNAL_ERROR;
            message = "Internal error; the hub logged it";
        }
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).build();
    }

    /** The request was fine, the hub could not serve it now: the partner may send it again later. */
    enum Unavailable implements graphql.ErrorClassification {
        UNAVAILABLE
    }
}
