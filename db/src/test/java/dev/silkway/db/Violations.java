package dev.silkway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Asserts which rule of the schema refused a statement, by the server's own error fields. */
final class Violations {

    private static final String NOT_NULL_VIOLATION = "23502";

    private Violations() {}

    static void assertViolates(String constraint, ThrowingCallable statement) {
        assertThatThrownBy(statement)
                .satisfies(e -> assertThat(serverError(e).getConstraint())
                        .as("constraint violated by: %s", e.getMessage())
                        .isEqualTo(constraint));
    }

    static void assertRequires(String column, ThrowingCallable statement) {
        assertThatThrownBy(statement).satisfies(e -> {
            ServerErrorMessage error = serverError(e);
            assertThat(error.getSQLState()).as(e.getMessage()).isEqualTo(NOT_NULL_VIOLATION);
            assertThat(error.getColumn()).isEqualTo(column);
        });
    }

    static void assertFailsWithState(String sqlState, ThrowingCallable statement) {
        assertThatThrownBy(statement)
                .satisfies(e -> assertThat(serverError(e).getSQLState())
                        .as(e.getMessage())
                        .isEqualTo(sqlState));
    }

    private static ServerErrorMessage serverError(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return psql.getServerErrorMessage();
            }
        }
        throw new AssertionError("Not refused by PostgreSQL: " + thrown, thrown);
    }
}
