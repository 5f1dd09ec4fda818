package com.fitnesscrm.orchestrator.llm;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What models cost, in USD per million tokens: {@code orchestrator.llm.prices[gpt-4o-mini].input=0.15}. Map keys
 * holding dots ({@code gpt-4.1}) must be written in brackets, or Spring would split them into nested keys.
 *
 * <p>Providers report dated names ({@code gpt-4o-mini-2024-07-18}), so a model takes the price of the longest
 * configured name it starts with. A model with no price is unpriced: its cost is unknown, never zero.
 *
 * @param prices by model name
 */
@ConfigurationProperties("orchestrator.llm")
public record LlmPrices(Map<String, Price> prices) {

    private static final BigDecimal PER_MILLION = BigDecimal.valueOf(1_000_000);

    public LlmPrices {
        prices = prices == null ? Map.of() : Map.copyOf(prices);
    }

    /**
     * One model's price.
     *
     * @param input  USD per million prompt tokens
     * @param output USD per million completion tokens
     */
    public record Price(BigDecimal input, BigDecimal output) {
    }

    /** The price of {@code model}, matched by the longest configured prefix, ignoring case. */
    public Optional<Price> priceOf(String model) {
        if (model == null) {
            return Optional.empty();
        }
        String name = model.toLowerCase(Locale.ROOT);
        return prices.entrySet().stream()
                .filter(entry -> entry.getValue() != null && entry.getValue().input() != null
                        && entry.getValue().output() != null)
                .filter(entry -> name.startsWith(entry.getKey().toLowerCase(Locale.ROOT)))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue);
    }

    /** What the tokens cost in USD, exactly (no rounding); empty when the model has no price. */
    public Optional<BigDecimal> cost(String model, long tokensIn, long tokensOut) {
        return priceOf(model).map(price -> price.input().multiply(BigDecimal.valueOf(tokensIn))
                .add(price.output().multiply(BigDecimal.valueOf(tokensOut)))
                .divide(PER_MILLION));
    }
}
