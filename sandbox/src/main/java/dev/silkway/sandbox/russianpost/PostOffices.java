package dev.silkway.sandbox.russianpost;

import dev.silkway.sandbox.journey.JourneyEvent.Stage;
import java.util.Map;

/**
 * The post office a journey's city stands for: its postal index, a description as Russian Post writes it ("Москва
 * Почтамт", "Казань Сортировочный центр") and its country (ISO numeric, alpha-2, alpha-3, names). A city not in the
 * table keeps its name, with no index.
 */
final class PostOffices {

    record Country(int id, String code2, String code3, String nameRu, String nameEn) {}

    record Office(String index, String description, Country country) {}

    private record City(String index, String nameRu, Country country) {}

    static final Country RUSSIA = new Country(643, "RU", "RUS", "Российская Федерация", "Russian Federation");
    private static final Country KAZAKHSTAN = new Country(398, "KZ", "KAZ", "Казахстан", "Kazakhstan");
    private static final Country BELARUS = new Country(112, "BY", "BLR", "Беларусь", "Belarus");

    private static final Map<String, City> CITIES = Map.ofEntries(
            Map.entry("Moscow", new City("101000", "Москва", RUSSIA)),
            Map.entry("Saint Petersburg", new City("190000", "Санкт-Петербург", RUSSIA)),
            Map.entry("Novosibirsk", new City("630000", "Новосибирск", RUSSIA)),
            Map.entry("Yekaterinburg", new City("620000", "Екатеринбург", RUSSIA)),
            Map.entry("Kazan", new City("420000", "Казань", RUSSIA)),
            Map.entry("Krasnodar", new City("350000", "Краснодар", RUSSIA)),
            Map.entry("Almaty", new City("050000", "Алматы", KAZAKHSTAN)),
            Map.entry("Astana", new City("010000", "Астана", KAZAKHSTAN)),
            Map.entry("Shymkent", new City("160000", "Шымкент", KAZAKHSTAN)),
            Map.entry("Minsk", new City("220000", "Минск", BELARUS)),
            Map.entry("Gomel", new City("246000", "Гомель", BELARUS)),
            Map.entry("Brest", new City("224000", "Брест", BELARUS)));

    private PostOffices() {}

    static Office of(String city, Stage stage) {
        City known = CITIES.get(city);
        if (known == null) {
            return new Office("", city, RUSSIA);
        }
        String office = switch (stage) {
            case ARRIVED_SORTING_CENTRE, HANDED_TO_LAST_MILE -> " Сортировочный центр";
            case IMPORT_CUSTOMS, CUSTOMS_HELD, CUSTOMS_RELEASED, RETURNED_BY_CUSTOMS -> " ММПО";
            default -> " Почтамт";
        };
        return new Office(known.index(), known.nameRu() + office, known.country());
    }
}
