package dev.silkway.storefront.profile;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in shopper's addresses; another user's address id answers 404. */
@RestController
@RequestMapping("/api/v1/me/addresses")
class AddressController {

    private final AddressBook book;

    AddressController(AddressBook book) {
        this.book = book;
    }

    @Operation(summary = "List my delivery addresses")
    @GetMapping
    List<Address> list(@AuthenticationPrincipal Jwt jwt) {
        return book.list(owner(jwt));
    }

    @Operation(summary = "Read a delivery address")
    @GetMapping("/{id}")
    Address get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return book.get(owner(jwt), id);
    }

    @Operation(summary = "Add a delivery address")
    @PostMapping
    ResponseEntity<Address> add(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AddressForm form) {
        Address address = book.add(owner(jwt), form);
        return ResponseEntity.created(URI.create("/api/v1/me/addresses/" + address.id()))
                .body(address);
    }

    @Operation(summary = "Replace a delivery address")
    @PutMapping("/{id}")
    Address replace(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id, @Valid @RequestBody AddressForm form) {
        return book.replace(owner(jwt), id, form);
    }

    @Operation(summary = "Delete a delivery address")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        book.delete(owner(jwt), id);
        return ResponseEntity.noContent().build();
    }

    private static UUID owner(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }
}
