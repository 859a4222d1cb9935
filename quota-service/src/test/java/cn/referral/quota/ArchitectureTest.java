package cn.referral.quota;

import org.junit.jupiter.api.Test;

import cn.referral.platform.testing.HexagonalArchitecture;

class ArchitectureTest {

    @Test
    void keepsTheDomainPlainAndTheAdaptersApart() {
        HexagonalArchitecture.check("cn.referral.quota");
    }
}
