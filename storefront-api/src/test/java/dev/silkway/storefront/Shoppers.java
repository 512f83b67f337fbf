package dev.silkway.storefront;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Object mother: unique shoppers, addresses, and signing them in through the API. */
public final class Shoppers {

    public static final String PASSWORD = "Correct-Horse-Battery-42";
    private static final AtomicInteger sequence = new AtomicInteger();

    private Shoppers() {}

    public static String uniqueEmail() {
        return "shopper-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
    }

    public static String uniquePhone() {
        return "+7916" + String.format("%07d", (System.nanoTime() / 1000 + sequence.incrementAndGet()) % 10_000_000);
    }

    public static Map<String, Object> moscowAddress() {
        Map<String, Object> address = new HashMap<>();
        address.put("label", "Home");
        address.put("recipientName", "Анна Смирнова");
        address.put("phone", "+79161234567");
        address.put("country", "RU");
        address.put("region", "Московская область");
        address.put("city", "Москва");
        address.put("street", "Тверская улица");
        address.put("building", "7");
        address.put("apartment", "15");
        address.put("postalCode", "125009");
        return address;
    }

    /** A registered and signed-in shopper. */
    public record Session(UUID id, String email, String accessToken, String refreshToken) {}

    public static Session signUp(Api api) {
        return signUp(api, uniqueEmail(), "Иван Петров", uniquePhone());
    }

    public static Session signUp(Api api, String email, String fullName, String phone) {
        var registered = api.post("/api/v1/auth/register", Api.registration(email, fullName, phone), null);
        if (registered.status() != 201) {
            throw new AssertionError("registration failed: " + registered);
        }
        return signIn(api, email, PASSWORD, UUID.fromString(registered.text("id")));
    }

    /** Signs in; the account's id is read from the access token's subject. */
    public static Session signIn(Api api, String email, String password) {
        var login = api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
        if (login.status() != 200) {
            throw new AssertionError("login failed: " + login);
        }
        String payload = login.text("accessToken").split("\\.")[1];
        UUID id = UUID.fromString(Api.json
                .readTree(java.util.Base64.getUrlDecoder().decode(payload))
                .path("sub")
                .asString());
        return new Session(id, email, login.text("accessToken"), login.text("refreshToken"));
    }

    public static Session signIn(Api api, String email, String password, UUID id) {
        var login = api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
        if (login.status() != 200) {
            throw new AssertionError("login failed: " + login);
        }
        return new Session(id, email, login.text("accessToken"), login.text("refreshToken"));
    }
}
