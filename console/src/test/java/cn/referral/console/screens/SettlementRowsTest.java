package cn.referral.console.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettlementRowsTest {

    @Test
    void readsTheExportByHeaderNameWithQuotedFields() {
        List<Map<String, String>> rows = InsurerScreens.rows(
                "line_type,referral_id,rule,payable_fen,revocation_reason\r\n"
                        + "ISSUED,r-1,NO_SECOND_DEDUCTIBLE,0,\r\n"
                        + "REVOKED,\"r,2\",FULL,-80000,\"said \"\"no\"\"\"\r\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("referral_id", "r-1").containsEntry("payable_fen", "0");
        assertThat(rows.get(1)).containsEntry("referral_id", "r,2").containsEntry("revocation_reason", "said \"no\"");
    }

    @Test
    void yuanFromFenWithoutRounding() {
        Formats formats = new Formats(java.time.Clock.systemUTC());
        assertThat(formats.yuan(80000L)).isEqualTo("800.00");
        assertThat(formats.yuan("-12345")).isEqualTo("-123.45");
        assertThat(formats.yuan(null)).isEqualTo("—");
    }
}
