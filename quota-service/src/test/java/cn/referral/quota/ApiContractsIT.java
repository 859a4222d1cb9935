package cn.referral.quota;

import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

import cn.referral.platform.testing.ServiceApiContractsCheck;
import cn.referral.platform.testing.ServiceIntegrationTest;

/** quota-service's OpenAPI and AsyncAPI contracts, checked as {@link ServiceApiContractsCheck} describes. */
@ServiceIntegrationTest
// the first /v3/api-docs builds the document: on a shared 2-core machine under load that can pass 5 s
@AutoConfigureWebTestClient(timeout = "30s")
class ApiContractsIT extends ServiceApiContractsCheck {

    ApiContractsIT() {
        super("quota-service");
    }
}
