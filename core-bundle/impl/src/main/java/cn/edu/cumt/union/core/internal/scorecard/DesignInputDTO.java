package cn.edu.cumt.union.core.internal.scorecard;

import java.math.BigDecimal;
import java.util.List;

/** Body of {@code PUT /api/scorecard/{year}/design}: the indicators chosen, in the order to show them. */
public record DesignInputDTO(List<Item> indicators) {

    /**
     * @param weight the most points the indicator gives, &gt; 0
     * @param target the figure that earns the full weight, &gt; 0
     */
    public record Item(String code, BigDecimal weight, BigDecimal target) {
    }
}
