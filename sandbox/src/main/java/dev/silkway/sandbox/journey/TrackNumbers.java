package dev.silkway.sandbox.journey;

import java.util.SplittableRandom;

/**
 * Track numbers formatted as each carrier's are: SF Express {@code SF} + 13 digits, China EMS and China Post UPU S10
 * ({@code EA123456785CN}, {@code RR…CN}) with its check digit, CDEK 10 digits, Russian Post's 14-digit domestic RPO
 * (post office index, month, serial, check digit), and the Chinese express companies' own shapes.
 */
final class TrackNumbers {

    private static final int[] S10_WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};
    private static final String[] RUSSIAN_POST_OFFICES = {"101000", "140980", "102204", "190000", "630000", "620000"};

    private TrackNumbers() {}

    static String of(String carrierCode, SplittableRandom random) {
        return switch (carrierCode) {
            case "sf-express" -> "SF" + digits(random, 13, true);
            case "china-ems" -> s10('E', random);
            case "china-post" -> s10('R', random);
            case "cdek" -> digits(random, 10, true);
            case "russian-post" -> russianPost(random);
            case "yto" -> "YT" + digits(random, 16, false);
            case "jd-logistics" -> "JDV" + digits(random, 12, false);
            case "zto" -> "7" + digits(random, 13, false);
            case "sto" -> "77" + digits(random, 11, false);
            case "yunda" -> "43" + digits(random, 11, false);
            default -> carrierCode.replaceAll("[^a-z]", "").toUpperCase() + digits(random, 12, false);
        };
    }

    /** UPU S10: two letters, eight digits, the check digit over them, the country. */
    static String s10(char service, SplittableRandom random) {
        String serial = digits(random, 8, false);
        return "" + service + (char) ('A' + random.nextInt(26)) + serial + s10Check(serial) + "CN";
    }

    static int s10Check(String serial) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (serial.charAt(i) - '0') * S10_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 0 : check == 11 ? 5 : check;
    }

    /** Domestic RPO: the sending office's index, the month's number, a serial, the check digit. */
    static String russianPost(SplittableRandom random) {
        String body = RUSSIAN_POST_OFFICES[random.nextInt(RUSSIAN_POST_OFFICES.length)]
                + "%02d".formatted(1 + random.nextInt(99))
                + digits(random, 5, false);
        return body + russianPostCheck(body);
    }

    static int russianPostCheck(String thirteen) {
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            int digit = thirteen.charAt(i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    private static String digits(SplittableRandom random, int count, boolean nonZeroFirst) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append((char) ('0' + (i == 0 && nonZeroFirst ? 1 + random.nextInt(9) : random.nextInt(10))));
        }
        return text.toString();
    }
}
