package cn.referral.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FenTest {

    @Test
    void whatRemainsToPayNeverGoesBelowZero() {
        assertThat(Fen.of(80_000).minusFloorZero(Fen.of(30_000))).isEqualTo(Fen.of(50_000));
        assertThat(Fen.of(30_000).minusFloorZero(Fen.of(80_000))).isEqualTo(Fen.ZERO);
    }

    @Test
    void negativeAmountsAreRefused() {
        assertThatThrownBy(() -> Fen.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void showsYuanWithTwoDecimals() {
        assertThat(Fen.of(80_005)).hasToString("¥800.05");
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> Fen.of(Long.MAX_VALUE).plus(Fen.of(1))).isInstanceOf(ArithmeticException.class);
    }
}
