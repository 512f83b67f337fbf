package dev.silkway.storefront.auth;

import dev.silkway.storefront.profile.AddressForm;
import dev.silkway.storefront.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registration, sign-in, token refresh, logout, password recovery and email verification. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final Registrations registrations;
    private final Login login;
    private final Sessions sessions;
    private final PasswordResets resets;

    AuthController(Registrations registrations, Login login, Sessions sessions, PasswordResets resets) {
        this.registrations = registrations;
        this.login = login;
        this.sessions = sessions;
        this.resets = resets;
    }

    @Operation(summary = "Register a shopper account")
    @PostMapping("/register")
    ResponseEntity<Registered> register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
        var account = registrations.register(request, ClientAddress.of(http));
        return ResponseEntity.created(URI.create("/api/v1/me"))
                .body(new Registered(account.id(), account.email(), account.fullName(), account.phone()));
    }

    @Operation(summary = "Sign in with email and password")
    @PostMapping("/login")
    Sessions.TokenPair login(
            @Valid @RequestBody LoginRequest request,
            @RequestHeader(name = "X-Cart-Token", required = false) @Nullable String cartToken,
            HttpServletRequest http) {
        return login.login(
                request.email(), request.password(), ClientAddress.of(http), ClientAddress.userAgent(http), cartToken);
    }

    @Operation(summary = "Exchange a refresh token for a new token pair")
    @PostMapping("/refresh")
    Sessions.TokenPair refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        return sessions.refresh(request.refreshToken(), ClientAddress.of(http), ClientAddress.userAgent(http));
    }

    @Operation(summary = "End the session of a refresh token and its access tokens")
    @PostMapping("/logout")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
        sessions.logout(request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Request a password-reset email")
    @PostMapping("/password-reset")
    ResponseEntity<Void> requestReset(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
        resets.request(request.email(), ClientAddress.of(http));
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "Set a new password with a reset token")
    @PostMapping("/password-reset/confirm")
    ResponseEntity<Void> confirmReset(@Valid @RequestBody ResetConfirmation request) {
        resets.confirm(request.token(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Verify the email address with its token")
    @PostMapping("/verify-email")
    ResponseEntity<Void> verifyEmail(@Valid @RequestBody TokenRequest request) {
        registrations.verifyEmail(request.token());
        return ResponseEntity.noContent().build();
    }

    record RegisterRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password,
            @NotBlank @Size(max = 200) String fullName,
            @NotBlank @Size(max = 32) String phone,
            @Valid @Nullable AddressForm address) {

        @Override
        public String toString() {
            return "RegisterRequest[hidden]";
        }
    }

    record Registered(UUID id, String email, String fullName, String phone) {}

    record LoginRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password) {
        @Override
        public String toString() {
            return "LoginRequest[hidden]";
        }
    }

    record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {
        @Override
        public String toString() {
            return "RefreshRequest[hidden]";
        }
    }

    record ResetRequest(@NotBlank @Size(max = 254) String email) {
        @Override
        public String toString() {
            return "ResetRequest[hidden]";
        }
    }

    record ResetConfirmation(
            @NotBlank @Size(max = 128) String token,
            @NotBlank @Size(max = 128) String newPassword) {
        @Override
        public String toString() {
            return "ResetConfirmation[hidden]";
        }
    }

    record TokenRequest(@NotBlank @Size(max = 128) String token) {
        @Override
        public String toString() {
            return "TokenRequest[hidden]";
        }
    }
}
