package cn.referral.billing;

import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

import cn.referral.platform.testing.ServiceApiContractsCheck;
import cn.referral.platform.testing.ServiceIntegrationTest;

/** billing-service's OpenAPI and AsyncAPI contracts, checked as {@link ServiceApiContractsCheck} describes. */
@ServiceIntegrationTest
@AutoConfigureWebTestClient(timeout = "30s") // a shared build machine: the first request may take over 5 s
class ApiContractsIT extends ServiceApiContractsCheck {

    ApiContractsIT() {
        super("billing-service");
    }
}
