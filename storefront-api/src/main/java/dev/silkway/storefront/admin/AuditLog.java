package dev.silkway.storefront.admin;

import dev.silkway.storefront.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log: written in the same transaction as the admin action it records. Other
 * features record their staff actions here too (delivery lines, order transitions).
 */
@Repository
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public void record(
            Actor actor,
            String action,
            @Nullable String targetType,
            @Nullable String targetId,
            Map<String, ?> details) {
        jdbc.sql("""
                        INSERT INTO audit_log (occurred_at, actor_id, actor_role, action, target_type, target_id,
                                               client_address, user_agent, details)
                        VALUES (?, ?, ?, ?, ?, ?, ?::inet, ?, ?::jsonb)""")
                .params(
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                        actor.id(),
                        actor.role(),
                        action,
                        targetType,
                        targetId,
                        actor.clientAddress(),
                        actor.userAgent(),
                        json.writeValueAsString(details))
                .update();
    }

    Entries list(@Nullable UUID actorId, @Nullable String targetId, @Nullable String action, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        var params = new java.util.HashMap<String, Object>();
        if (actorId != null) {
            where.append(" AND actor_id = :actor");
            params.put("actor", actorId);
        }
        if (targetId != null) {
            where.append(" AND target_id = :target");
            params.put("target", targetId);
        }
        if (action != null) {
            where.append(" AND action = :action");
            params.put("action", action);
        }
        long total = jdbc.sql("SELECT count(*) FROM audit_log" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Entry> items = jdbc.sql("SELECT id, occurred_at, actor_id, actor_role, action, target_type, target_id,"
                        + " host(client_address) AS client_address, details::text AS details FROM audit_log" + where
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new Entry(
                        rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getObject("actor_id", UUID.class),
                        rs.getString("actor_role"),
                        rs.getString("action"),
                        rs.getString("target_type"),
                        rs.getString("target_id"),
                        rs.getString("client_address"),
                        json.readValue(rs.getString("details"), new TypeReference<Map<String, Object>>() {})))
                .list();
        return new Entries(items, total);
    }

    public record Actor(
            UUID id,
            String role,
            String clientAddress,
            @Nullable String userAgent) {

        /** The signed-in staff member of {@code request} acting in {@code role}. */
        public static Actor of(Jwt jwt, String role, HttpServletRequest request) {
            return new Actor(
                    UUID.fromString(jwt.getSubject()),
                    role,
                    ClientAddress.of(request),
                    ClientAddress.userAgent(request));
        }

        /** An operator or admin of {@code request}, acting as ADMIN when the token carries that role. */
        public static Actor staff(Jwt jwt, HttpServletRequest request) {
            List<String> roles = jwt.getClaimAsStringList("roles");
            return of(jwt, roles != null && roles.contains("ADMIN") ? "ADMIN" : "OPERATOR", request);
        }
    }

    record Entry(
            long id,
            Instant occurredAt,
            @Nullable UUID actorId,
            String actorRole,
            String action,
            @Nullable String targetType,
            @Nullable String targetId,
            @Nullable String clientAddress,
            Map<String, Object> details) {}

    record Entries(List<Entry> items, long total) {}
}
