package dev.silkway.storefront.admin;

import dev.silkway.storefront.account.Account;
import dev.silkway.storefront.account.AccountRoles;
import dev.silkway.storefront.account.AccountStatus;
import dev.silkway.storefront.account.Accounts;
import dev.silkway.storefront.account.Role;
import dev.silkway.storefront.auth.PasswordResets;
import dev.silkway.storefront.auth.Sessions;
import dev.silkway.storefront.web.ClientAddress;
import dev.silkway.storefront.web.NotFound;
import dev.silkway.storefront.web.ValidationFailed;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * User administration (role ADMIN, enforced by the security configuration): search, block (ends the
 * user's sessions at once), unblock, send a password reset, replace the roles (at once in every
 * application); every action is audited with who, what, to whom, when and from which address.
 */
@RestController
@RequestMapping("/api/v1/admin")
@Validated
class AdminController {

    private final Accounts accounts;
    private final AccountRoles roles;
    private final Sessions sessions;
    private final PasswordResets resets;
    private final AuditLog audit;
    private final Clock clock;

    AdminController(
            Accounts accounts,
            AccountRoles roles,
            Sessions sessions,
            PasswordResets resets,
            AuditLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.roles = roles;
        this.sessions = sessions;
        this.resets = resets;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "Search users by email, phone or name prefix, with their roles")
    @GetMapping("/users")
    @Transactional
    Users users(
            @AuthenticationPrincipal Jwt jwt,
            HttpServletRequest http,
            @RequestParam(required = false) @Size(max = 254) @Nullable String q,
            @RequestParam(required = false) @Nullable AccountStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Accounts.AccountPage found;
        try {
            found = accounts.search(q, status, page, size);
        } catch (IllegalArgumentException e) {
            throw ValidationFailed.field("q", "a name prefix needs at least 2 letters");
        }
        audit.record(
                actor(jwt, http),
                "USERS_SEARCHED",
                null,
                null,
                Map.of(
                        "criterion",
                        criterion(q),
                        "status",
                        status == null ? "ANY" : status.name(),
                        "results",
                        found.total()));
        return new Users(found.items().stream().map(UserView::of).toList(), found.total());
    }

    @Operation(summary = "Block a user and end their sessions")
    @PostMapping("/users/{id}/block")
    @Transactional
    ResponseEntity<Void> block(
            @AuthenticationPrincipal Jwt jwt,
            HttpServletRequest http,
            @PathVariable UUID id,
            @Valid @RequestBody BlockRequest request) {
        AuditLog.Actor actor = actor(jwt, http);
        if (actor.id().equals(id)) {
            throw ValidationFailed.field("id", "an admin cannot block themselves");
        }
        roles.checkMayBeBlocked(id);
        if (!accounts.block(id, request.reason().strip(), actor.id(), clock.instant())) {
            throw NotFound.of("user");
        }
        sessions.revokeAll(id, "BLOCKED");
        audit.record(
                actor,
                "USER_BLOCKED",
                "user",
                id.toString(),
                Map.of("reason", request.reason().strip()));
        return ResponseEntity.noContent().build();
    }

    /**
     * Replaces the user's roles. Takes effect at once in every application: the user's current access tokens carry
     * the old roles and are refused; a refresh gives a token with the new ones. The last active admin keeps ADMIN
     * (409).
     */
    @Operation(summary = "Replace a user's roles")
    @PutMapping("/users/{id}/roles")
    @Transactional
    UserView replaceRoles(
            @AuthenticationPrincipal Jwt jwt,
            HttpServletRequest http,
            @PathVariable UUID id,
            @Valid @RequestBody RolesRequest request) {
        AuditLog.Actor actor = actor(jwt, http);
        Set<Role> wanted = EnumSet.copyOf(request.roles());
        Set<Role> before = roles.replace(id, wanted, actor.id()).orElseThrow(() -> NotFound.of("user"));
        audit.record(
                actor,
                "USER_ROLES_CHANGED",
                "user",
                id.toString(),
                Map.of("before", sorted(before), "after", sorted(wanted)));
        return UserView.of(accounts.byId(id).orElseThrow(() -> NotFound.of("user")));
    }

    @Operation(summary = "Unblock a user")
    @PostMapping("/users/{id}/unblock")
    @Transactional
    ResponseEntity<Void> unblock(@AuthenticationPrincipal Jwt jwt, HttpServletRequest http, @PathVariable UUID id) {
        if (!accounts.unblock(id)) {
            throw NotFound.of("user");
        }
        audit.record(actor(jwt, http), "USER_UNBLOCKED", "user", id.toString(), Map.of());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Send a user a password-reset email")
    @PostMapping("/users/{id}/password-reset")
    @Transactional
    ResponseEntity<Void> sendReset(@AuthenticationPrincipal Jwt jwt, HttpServletRequest http, @PathVariable UUID id) {
        AuditLog.Actor actor = actor(jwt, http);
        if (!resets.sendByAdmin(id, actor.id(), actor.clientAddress())) {
            throw NotFound.of("user");
        }
        audit.record(actor, "PASSWORD_RESET_SENT", "user", id.toString(), Map.of());
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "List the audit log of admin actions")
    @GetMapping("/audit-log")
    AuditLog.Entries auditLog(
            @RequestParam(required = false) @Nullable UUID actorId,
            @RequestParam(required = false) @Size(max = 128) @Nullable String targetId,
            @RequestParam(required = false) @Size(max = 64) @Nullable String action,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return audit.list(actorId, targetId, action, page, size);
    }

    static AuditLog.Actor actor(Jwt jwt, HttpServletRequest http) {
        return new AuditLog.Actor(
                UUID.fromString(jwt.getSubject()), "ADMIN", ClientAddress.of(http), ClientAddress.userAgent(http));
    }

    private static String criterion(@Nullable String q) {
        if (q == null || q.isBlank()) {
            return "none";
        }
        return q.contains("@") ? "email" : q.trim().matches("^[+\\d][\\d\\s\\-().]{6,}$") ? "phone" : "name-prefix";
    }

    private static List<String> sorted(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList();
    }

    /** The account's roles after the change; at least one (a shopper is {@code ["SHOPPER"]}). */
    record RolesRequest(@NotNull @Size(min = 1, max = 3) List<@NotNull Role> roles) {}

    record BlockRequest(@NotBlank @Size(max = 1000) String reason) {}

    record Users(List<UserView> items, long total) {}

    record UserView(
            UUID id,
            String email,
            String fullName,
            String phone,
            AccountStatus status,
            List<String> roles,
            @Nullable String blockedReason,
            boolean emailVerified,
            Instant createdAt) {

        static UserView of(Account a) {
            return new UserView(
                    a.id(),
                    a.email(),
                    a.fullName(),
                    a.phone(),
                    a.status(),
                    a.roles().stream().sorted().toList(),
                    a.blockedReason(),
                    a.emailVerifiedAt() != null,
                    a.createdAt());
        }
    }
}
