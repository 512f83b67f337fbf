package dev.silkway.tracking.poll;

import dev.silkway.testsupport.Services;
import dev.silkway.testsupport.StaffTokens;
import dev.silkway.testsupport.TestDatabases;
import java.util.ArrayList;
import java.util.List;

/** The command line of a poller instance started inside a test on the shared services and one database. */
final class PollerInstances {

    private PollerInstances() {}

    static String[] args(String database, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + TestDatabases.jdbcUrl(database),
                "--spring.datasource.username=" + Services.postgres().user(),
                "--spring.datasource.password=" + Services.postgres().password(),
                "--spring.kafka.bootstrap-servers=" + Services.kafka().bootstrapServers(),
                "--silkway.security.jwks-uri=" + StaffTokens.jwksUri(),
                "--server.port=0"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
