package io.crosstrace.hub.graphdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Bookmark;
import org.springframework.transaction.TransactionExecution;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The hub's bookmarks with Spring Data Neo4j's manager as the transaction manager drives it: begin with the carried
 * ones, hand the manager's own to the request after each committed write, and nothing else.
 */
class CarriedBookmarksTest {

    private static final Bookmark CARRIED = Bookmark.from("FB:carried");
    private static final Bookmark EARLIER = Bookmark.from("FB:earlier");
    private static final Bookmark WRITE = Bookmark.from("FB:write");
    private static final TransactionExecution READ_WRITE = new TransactionExecution() {
    };
    private static final TransactionExecution READ_ONLY = new TransactionExecution() {
        @Override
        public boolean isReadOnly() {
            return true;
        }
    };

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CarriedBookmarks bookmarks = new CarriedBookmarks(meters);

    @AfterEach
    void unbind() {
        RequestBookmarks.bind(null);
    }

    @Test
    void transactions_of_a_request_begin_after_the_bookmarks_its_client_carried() {
        bookmarks.manager().updateBookmarks(Set.of(), Set.of(EARLIER));
        assertThat(bookmarks.manager().getBookmarks()).containsExactly(EARLIER);

        RequestBookmarks.bind(new RequestBookmarks(Set.of(CARRIED)));
        bookmarks.afterBegin(READ_ONLY, null);

        assertThat(bookmarks.manager().getBookmarks()).containsExactlyInAnyOrder(EARLIER, CARRIED);
        assertThat(meters.counter("crosstrace.bookmarks.carried").count()).isEqualTo(1);
    }

    @Test
    void a_committed_write_hands_the_instances_bookmarks_to_the_response_without_the_carried_ones() {
        RequestBookmarks request = new RequestBookmarks(Set.of(CARRIED));
        RequestBookmarks.bind(request);

        commit(READ_WRITE, Set.copyOf(bookmarks.manager().getBookmarks()), WRITE, null);

        assertThat(request.written()).containsExactly(WRITE);
        assertThat(meters.counter("crosstrace.bookmarks.carried").count()).isZero();
    }

    @Test
    void reads_failed_commits_and_work_outside_requests_hand_nothing_over() {
        RequestBookmarks request = new RequestBookmarks(Set.of());
        RequestBookmarks.bind(request);
        commit(READ_ONLY, Set.of(), EARLIER, null);
        bookmarks.afterCommit(READ_WRITE, new IllegalStateException("commit failed"));
        RequestBookmarks.bind(null);
        commit(READ_WRITE, Set.of(EARLIER), WRITE, null);

        assertThat(request.written()).isEmpty();
        assertThat(bookmarks.manager().getBookmarks()).as("the instance keeps its own").containsExactly(WRITE);
    }

    /** What Neo4jTransactionManager does on commit: the manager learns the new bookmark, then listeners are told. */
    private void commit(TransactionExecution transaction, Set<Bookmark> began, Bookmark committed, Throwable failure) {
        bookmarks.beforeCommit(transaction);
        bookmarks.manager().updateBookmarks(began, Set.of(committed));
        bookmarks.afterCommit(transaction, failure);
    }
}
