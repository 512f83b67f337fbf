package dev.silkway.storefront.account;

import dev.silkway.platform.security.KeptSessions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants and takes roles, and guards the last active admin. Every change that can leave no active admin (a role
 * change, a block) first takes one transaction-scoped advisory lock, so two admins taking ADMIN from each other at
 * the same moment cannot both succeed: the second sees the first's change and is refused. A new set of roles takes
 * effect at once in every application: the per-request session check refuses a token whose roles differ from the
 * account's, and the client's refresh gives it a token with the new roles.
 */
@Service
public class AccountRoles {

    private final JdbcClient jdbc;

    private final KeptSessions kept;

    AccountRoles(JdbcClient jdbc, KeptSessions kept) {
        this.jdbc = jdbc;
        this.kept = kept;
    }

    /**
     * Replaces the account's roles; empty when there is no such account. The previous roles are returned for the
     * audit log.
     *
     * @throws LastActiveAdmin when it would take ADMIN from the last active admin
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Set<Role>> replace(UUID id, Set<Role> roles, UUID by) {
        lockAdmins();
        Optional<Set<Role>> before = current(id);
        if (before.isEmpty()) {
            return before;
        }
        if (before.get().contains(Role.ADMIN) && !roles.contains(Role.ADMIN) && !anotherActiveAdminThan(id)) {
            throw LastActiveAdmin.keepsAdmin();
        }
        jdbc.sql("DELETE FROM user_roles WHERE user_id = ? AND NOT (role_code = ANY (?::text[]))")
                .params(id, names(roles))
                .update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_roles (user_id, role_code, granted_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(id, role.name(), by)
                    .update();
        }
        kept.forgetAfterCommit(id);
        return before;
    }

    /**
     * Refuses to block the last active admin; called in the blocking transaction before the block.
     *
     * @throws LastActiveAdmin when {@code id} is the last active admin
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void checkMayBeBlocked(UUID id) {
        lockAdmins();
        if (current(id).orElse(Set.of()).contains(Role.ADMIN) && !anotherActiveAdminThan(id)) {
            throw LastActiveAdmin.staysActive();
        }
    }

    private void lockAdmins() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('silkway:active-admins'))")
                .query()
                .listOfRows();
    }

    private Optional<Set<Role>> current(UUID id) {
        return jdbc.sql("""
                        SELECT coalesce(array_agg(r.role_code) FILTER (WHERE r.role_code IS NOT NULL), '{}')
                        FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
                        WHERE u.id = ? AND u.status <> 'DELETED' GROUP BY u.id""")
                .param(id)
                .query((rs, n) -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    for (Object role : (Object[]) rs.getArray(1).getArray()) {
                        roles.add(Role.valueOf(role.toString()));
                    }
                    return (Set<Role>) roles;
                })
                .optional();
    }

    private boolean anotherActiveAdminThan(UUID id) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM user_roles r JOIN users u ON u.id = r.user_id
                                       WHERE r.role_code = 'ADMIN' AND u.status = 'ACTIVE' AND u.id <> ?)""").param(id).query(Boolean.class).single();
    }

    private static String[] names(Set<Role> roles) {
        return roles.stream().map(Role::name).toArray(String[]::new);
    }
}
