package dev.silkway.storefront.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.storefront.Api;
import dev.silkway.storefront.Shoppers;
import dev.silkway.storefront.StorefrontIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileAndAddressesIT extends StorefrontIntegrationTest {

    @Test
    void oneShopperCannotReadChangeOrDeleteAnotherShoppersAddress() {
        var owner = Shoppers.signUp(api);
        var intruder = Shoppers.signUp(api);
        String id = api.post("/api/v1/me/addresses", Shoppers.moscowAddress(), owner.accessToken())
                .text("id");

        assertThat(api.get("/api/v1/me/addresses/" + id, intruder.accessToken()).status())
                .isEqualTo(404);
        assertThat(api.put("/api/v1/me/addresses/" + id, Shoppers.moscowAddress(), intruder.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/me/addresses/" + id, intruder.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/me/addresses", intruder.accessToken())
                        .json()
                        .size())
                .isZero();

        assertThat(api.get("/api/v1/me/addresses/" + id, owner.accessToken()).status())
                .isEqualTo(200);
    }

    @Test
    void theProfileIsAlwaysTheTokenOwnersAndAnotherUsersIdLeadsNowhere() {
        var owner = Shoppers.signUp(api);
        var other = Shoppers.signUp(api);

        var me = api.get("/api/v1/me", owner.accessToken());
        assertThat(me.text("id")).isEqualTo(owner.id().toString());
        assertThat(api.get("/api/v1/me/" + other.id(), owner.accessToken()).status())
                .isEqualTo(404);
        assertThat(api.patch("/api/v1/me", Map.of("fullName", "Пётр Иванов"), owner.accessToken())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/me", other.accessToken()).text("fullName")).isEqualTo("Иван Петров");
        assertThat(api.get("/api/v1/admin/users/" + other.id(), owner.accessToken())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void editsTheProfileWithAnE164Phone() {
        var shopper = Shoppers.signUp(api);

        var changed = api.patch(
                "/api/v1/me",
                Map.of("fullName", "Мария Кузнецова", "phone", "+7 (701) 123-45-67"),
                shopper.accessToken());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("fullName")).isEqualTo("Мария Кузнецова");
        assertThat(changed.text("phone")).isEqualTo("+77011234567");

        var refused = api.patch("/api/v1/me", Map.of("phone", "call me"), shopper.accessToken());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("phone");
    }

    @Test
    void keepsExactlyOneDefaultAddress() {
        var shopper = Shoppers.signUp(api);
        var first = api.post("/api/v1/me/addresses", Shoppers.moscowAddress(), shopper.accessToken());
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("isDefault").asBoolean())
                .as("the first address is the default")
                .isTrue();

        Map<String, Object> second = new HashMap<>(Shoppers.moscowAddress());
        second.put("label", "Work");
        second.put("isDefault", true);
        var made = api.post("/api/v1/me/addresses", second, shopper.accessToken());
        assertThat(made.json().path("isDefault").asBoolean()).isTrue();

        var all = api.get("/api/v1/me/addresses", shopper.accessToken()).json();
        List<Boolean> defaults = new ArrayList<>();
        all.forEach(a -> defaults.add(a.path("isDefault").asBoolean()));
        assertThat(defaults).containsExactlyInAnyOrder(false, true);

        assertThat(api.delete("/api/v1/me/addresses/" + made.text("id"), shopper.accessToken())
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me/addresses", shopper.accessToken())
                        .json()
                        .get(0)
                        .path("isDefault")
                        .asBoolean())
                .as("the remaining address becomes the default")
                .isTrue();
    }

    @Test
    void validatesCountryAndPostalCodesOfRussiaKazakhstanAndBelarus() {
        var shopper = Shoppers.signUp(api);
        assertThat(withPostal(shopper, "RU", "12345").status()).isEqualTo(400);
        assertThat(withPostal(shopper, "RU", "123456").status()).isEqualTo(201);
        assertThat(withPostal(shopper, "BY", "220030").status()).isEqualTo(201);
        assertThat(withPostal(shopper, "BY", "22003A").status()).isEqualTo(400);
        assertThat(withPostal(shopper, "KZ", "050000").status()).isEqualTo(201);
        assertThat(withPostal(shopper, "KZ", "A01 P3K4").status()).isEqualTo(201);
        assertThat(withPostal(shopper, "KZ", "A0P3K4").status()).isEqualTo(400);

        var unknownCountry = withPostal(shopper, "XX", "123456");
        assertThat(unknownCountry.status()).isEqualTo(400);
        assertThat(unknownCountry.json().path("errors").findValuesAsString("field"))
                .contains("country");
        var badPostal = withPostal(shopper, "RU", "1234");
        assertThat(badPostal.json().path("errors").findValuesAsString("field")).contains("postalCode");
    }

    @Test
    void registrationMayCarryTheFirstAddress() {
        String email = Shoppers.uniqueEmail();
        Map<String, Object> body = new HashMap<>(Api.registration(email, "Олег Сидоров", Shoppers.uniquePhone()));
        body.put("address", Shoppers.moscowAddress());

        var created = api.post("/api/v1/auth/register", body, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var session = Shoppers.signIn(api, email, Shoppers.PASSWORD, java.util.UUID.fromString(created.text("id")));
        var addresses = api.get("/api/v1/me/addresses", session.accessToken()).json();
        assertThat(addresses.size()).isEqualTo(1);
        assertThat(addresses.get(0).path("city").asString()).isEqualTo("Москва");
        assertThat(addresses.get(0).path("isDefault").asBoolean()).isTrue();
    }

    @Test
    void myOrdersIsAnEmptyPageUntilOrdersExist() {
        var shopper = Shoppers.signUp(api);

        var orders = api.get("/api/v1/me/orders", shopper.accessToken());

        assertThat(orders.status()).isEqualTo(200);
        assertThat(orders.json().path("items").isArray()).isTrue();
        assertThat(orders.json().path("items").size()).isZero();
        assertThat(orders.json().path("total").asLong()).isZero();
    }

    @Test
    void theRawColumnsHoldNoPlaintextNamePhoneOrAddress() {
        String email = Shoppers.uniqueEmail();
        String name = "Евгения Плaintextova";
        String phone = "+79169876543";
        var shopper = Shoppers.signUp(api, email, name, phone);
        Map<String, Object> address = new HashMap<>(Shoppers.moscowAddress());
        address.put("street", "Улица Секретная");
        address.put("recipientName", "Получатель Тайный");
        api.post("/api/v1/me/addresses", address, shopper.accessToken());

        byte[] userRow = rawRow("users", "id", shopper.id());
        byte[] addressRow = rawRow("addresses", "user_id", shopper.id());

        for (String plain : List.of(email, name, "Евгения", phone, "9169876543")) {
            assertThat(contains(userRow, plain)).as("users row holds " + plain).isFalse();
        }
        for (String plain :
                List.of("Улица Секретная", "Получатель Тайный", "Москва", "125009", "+79161234567", "Тверская")) {
            assertThat(contains(addressRow, plain))
                    .as("addresses row holds " + plain)
                    .isFalse();
        }
    }

    private byte[] rawRow(String table, String key, java.util.UUID id) {
        List<byte[]> rows = jdbc.sql("SELECT convert_to(t::text, 'UTF8') FROM " + table + " t WHERE " + key + " = ?")
                .param(id)
                .query((rs, n) -> rs.getBytes(1))
                .list();
        assertThat(rows).isNotEmpty();
        var out = new java.io.ByteArrayOutputStream();
        rows.forEach(out::writeBytes);
        List<byte[]> columns = jdbc.sql("SELECT * FROM " + table + " WHERE " + key + " = ?")
                .param(id)
                .query((rs, n) -> {
                    var bytes = new java.io.ByteArrayOutputStream();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        byte[] value = rs.getBytes(c);
                        if (value != null) {
                            bytes.writeBytes(value);
                        }
                    }
                    return bytes.toByteArray();
                })
                .list();
        columns.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static boolean contains(byte[] haystack, String plain) {
        byte[] needle = plain.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private Api.Response withPostal(Shoppers.Session shopper, String country, String postalCode) {
        Map<String, Object> address = new HashMap<>(Shoppers.moscowAddress());
        address.put("country", country);
        address.put("postalCode", postalCode);
        return api.post("/api/v1/me/addresses", address, shopper.accessToken());
    }
}
