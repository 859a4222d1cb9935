package cn.referral.quota.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReservedShareRuleTest {

    @ParameterizedTest(name = "capacity {0} needs at least {1} reserved")
    @CsvSource({"0,0", "1,1", "4,1", "5,1", "6,2", "10,2", "11,3", "50,10", "51,11", "100,20", "101,21"})
    void reservesTheCeilingOfTwentyPercent(int capacity, int minimum) {
        assertThat(ReservedShareRule.minimumReserve(capacity)).isEqualTo(minimum);
    }

    @Test
    void aPoolOfFiftyWithNineReservedBreaksTheRule() {
        assertThat(ReservedShareRule.isSatisfiedBy(50, 9)).isFalse();
        assertThat(ReservedShareRule.isSatisfiedBy(50, 10)).isTrue();
    }

    @Test
    void cannotReserveMoreThanTheCapacity() {
        assertThat(ReservedShareRule.isSatisfiedBy(10, 11)).isFalse();
    }

    @Test
    void rejectsNegativeCapacity() {
        assertThatThrownBy(() -> ReservedShareRule.minimumReserve(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
