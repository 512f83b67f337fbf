package dev.silkway.storefront.profile;

import dev.silkway.storefront.account.Account;
import dev.silkway.storefront.account.Accounts;
import dev.silkway.storefront.account.PhoneNumbers;
import dev.silkway.storefront.web.NotFound;
import dev.silkway.storefront.web.ValidationFailed;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own profile: always the token's subject, never an id from the request. */
@RestController
@RequestMapping("/api/v1/me")
class ProfileController {

    private final Accounts accounts;

    ProfileController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "Read the signed-in user's profile")
    @GetMapping
    Profile me(@AuthenticationPrincipal Jwt jwt) {
        return Profile.of(load(jwt));
    }

    @Operation(summary = "Change the signed-in user's name or phone")
    @PatchMapping
    @Transactional
    Profile update(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ProfileChange change) {
        Account account = load(jwt);
        String fullName = change.fullName() == null
                ? account.fullName()
                : change.fullName().strip();
        if (fullName.isEmpty()) {
            throw ValidationFailed.field("fullName", "must not be blank");
        }
        String phone = change.phone() == null
                ? account.phone()
                : PhoneNumbers.toE164(change.phone())
                        .orElseThrow(() -> ValidationFailed.field(
                                "phone", "must be a phone number in international format (E.164)"));
        accounts.updateProfile(account.id(), account.email(), fullName, phone);
        return Profile.of(load(jwt));
    }

    private Account load(Jwt jwt) {
        return accounts.byId(UUID.fromString(jwt.getSubject())).orElseThrow(() -> NotFound.of("profile"));
    }

    record ProfileChange(
            @Size(max = 200) @Nullable String fullName,
            @Size(max = 32) @Nullable String phone) {
        @Override
        public String toString() {
            return "ProfileChange[hidden]";
        }
    }

    record Profile(
            UUID id,
            String email,
            String fullName,
            String phone,
            boolean emailVerified,
            List<String> roles,
            Instant createdAt) {

        static Profile of(Account a) {
            return new Profile(
                    a.id(),
                    a.email(),
                    a.fullName(),
                    a.phone(),
                    a.emailVerifiedAt() != null,
                    a.roles().stream().sorted().toList(),
                    a.createdAt());
        }
    }
}
