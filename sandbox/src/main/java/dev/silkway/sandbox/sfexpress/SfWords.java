package dev.silkway.sandbox.sfexpress;

import dev.silkway.sandbox.journey.JourneyEvent;
import java.util.Map;

/**
 * A line journey told as SF Express tells it: an opCode and a Chinese remark per route. 50 picked up, 30 departed a
 * facility, 31 arrived, 44 out for delivery, 70 delivery failed, 80 signed for are SF's; the customs, flight and
 * arrival in the destination country, hand-over codes (6xx, 105, 33, 54) are ⚠ the sandbox's.
 */
final class SfWords {

    private static final Map<String, String> CITIES = Map.ofEntries(
            Map.entry("Shenzhen", "深圳市"),
            Map.entry("Guangzhou", "广州市"),
            Map.entry("Yiwu", "义乌市"),
            Map.entry("Shanghai", "上海市"),
            Map.entry("Hangzhou", "杭州市"),
            Map.entry("Dongguan", "东莞市"),
            Map.entry("Ningbo", "宁波市"),
            Map.entry("Moscow", "莫斯科"),
            Map.entry("Saint Petersburg", "圣彼得堡"),
            Map.entry("Novosibirsk", "新西伯利亚"),
            Map.entry("Vladivostok", "符拉迪沃斯托克"),
            Map.entry("Almaty", "阿拉木图"),
            Map.entry("Minsk", "明斯克"));

    private SfWords() {}

    record Route(String opCode, String remark, String address) {}

    static Route route(JourneyEvent event) {
        String city = CITIES.getOrDefault(event.location(), event.location());
        return switch (event.stage()) {
            case INFO_RECEIVED -> new Route("54", "顺丰速运 已收到寄件信息", city);
            case PICKED_UP -> new Route("50", "顺丰速运 已收取快件", city);
            case DEPARTED_ORIGIN -> new Route("30", "快件在【" + city + "集散中心】完成分拣，准备发往下一站", city);
            case EXPORT_CUSTOMS -> new Route("604", "快件已完成出口清关", city);
            case LINE_DEPARTED -> new Route("105", "快件已从【" + city + "】启运", city);
            case ARRIVED_DESTINATION_COUNTRY -> new Route("622", "快件已到达目的国【" + city + "】", city);
            case IMPORT_CUSTOMS -> new Route("607", "快件正在进口清关", city);
            case CUSTOMS_HELD -> new Route("608", "海关查验，需收件人补充资料（护照、发票）", city);
            case CUSTOMS_RELEASED -> new Route("609", "快件已完成进口清关", city);
            case RETURNED_BY_CUSTOMS -> new Route("648", "海关退运，快件退回寄件人", city);
            case HANDED_TO_LAST_MILE -> new Route("627", "快件已交由当地合作方派送：" + event.detail(), city);
            case OUT_FOR_DELIVERY -> new Route("44", "快件交给派送员，正在派送途中", city);
            case DELIVERY_FAILED -> new Route("70", "快件派送不成功，收件人不在", city);
            case DELIVERED -> new Route("80", "快件已签收", city);
            case LOST -> new Route("33", "快件遗失，已启动理赔", city);
            default -> new Route("31", "快件到达【" + city + "】", city);
        };
    }
}
