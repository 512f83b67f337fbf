package dev.silkway.storefront.admin;

import dev.silkway.platform.translation.Glossary;
import dev.silkway.storefront.web.ClientAddress;
import dev.silkway.storefront.web.ValidationFailed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|PUT /api/v1/admin/glossary} (role ADMIN): the translation glossary, sent with every translation request
 * and read by search as synonyms. A PUT replaces the whole list and is audited ({@code GLOSSARY_REPLACED}, with the
 * number of terms before and after). Texts translated before keep their remembered translation.
 */
@RestController
@RequestMapping("/api/v1/admin/glossary")
class GlossaryController {

    static final int MAX_TERMS = 2000;

    private final Glossary glossary;
    private final AuditLog audit;

    GlossaryController(Glossary glossary, AuditLog audit) {
        this.glossary = glossary;
        this.audit = audit;
    }

    record TermView(
            @NotBlank @Size(max = 100) String zh,
            @NotBlank @Size(max = 100) String ru,
            @Nullable @Size(min = 1, max = 100) String en) {}

    record GlossaryView(List<TermView> terms, @Nullable Instant updatedAt) {}

    record ReplaceGlossary(@NotNull @Size(max = MAX_TERMS) List<@Valid @NotNull TermView> terms) {}

    @GetMapping
    GlossaryView current() {
        return view(glossary.terms());
    }

    @PutMapping
    @Transactional
    GlossaryView replace(
            @AuthenticationPrincipal Jwt jwt, HttpServletRequest http, @Valid @RequestBody ReplaceGlossary request) {
        List<Glossary.Term> terms = terms(request.terms());
        int before = glossary.terms().terms().size();
        UUID admin = UUID.fromString(jwt.getSubject());
        glossary.replace(terms, admin);
        audit.record(
                new AuditLog.Actor(admin, "ADMIN", ClientAddress.of(http), ClientAddress.userAgent(http)),
                "GLOSSARY_REPLACED",
                null,
                null,
                Map.of("termsBefore", before, "termsAfter", terms.size()));
        return view(glossary.terms());
    }

    /** The terms stripped, each Chinese term once. */
    private static List<Glossary.Term> terms(List<TermView> views) {
        Set<String> seen = new HashSet<>();
        List<Glossary.Term> terms = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            TermView v = views.get(i);
            String zh = v.zh().strip();
            if (!seen.add(zh)) {
                throw ValidationFailed.field("terms[" + i + "].zh", "the term " + zh + " is listed twice");
            }
            String en = v.en() == null || v.en().isBlank() ? null : v.en().strip();
            terms.add(new Glossary.Term(zh, v.ru().strip(), en));
        }
        return terms;
    }

    private static GlossaryView view(Glossary.Terms terms) {
        return new GlossaryView(
                terms.terms().stream()
                        .map(t -> new TermView(t.zh(), t.ru(), t.en()))
                        .toList(),
                terms.updatedAt());
    }
}
