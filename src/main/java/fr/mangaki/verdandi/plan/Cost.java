package fr.mangaki.verdandi.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * An estimated monthly bill.
 *
 * @param lines one line per priced item (droplets, their backups) and per kind of free item
 * @param total the sum in US dollars a month
 */
public record Cost(List<Line> lines, BigDecimal total) {
    public Cost {
        lines = List.copyOf(lines);
    }

    /**
     * One line of the bill.
     *
     * @param item       what is billed ({@code droplet mangaki-app}, {@code 3 DNS records})
     * @param detail     how the price is made ({@code s-1vcpu-1gb}, {@code weekly: +20 % of $6.00})
     * @param monthlyUsd the price a month; zero for free items
     */
    public record Line(String item, String detail, BigDecimal monthlyUsd) {
        public boolean isFree() {
            return monthlyUsd.signum() == 0;
        }
    }
}
