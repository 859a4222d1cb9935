package cn.referral.billing.domain.policy;

import cn.referral.billing.domain.region.RegionCode;

/**
 * The policy documents the deductible rules quote (the project's {@code seeds/}), and the region
 * that issued each. A line of a region policy may cite one of them; it may cite only a document its
 * own region issued, so a region never carries another region's rule (seed 001 is Jilin city's and
 * says nothing for Nan'an). A province's document reaches its counties through the region chain,
 * not by being copied into their policies.
 */
public enum Seed {

    /** 福建省推进医疗联合体建设和发展实施方案 (福建省人民政府办公厅, 2017-12-08). */
    SEED_000("000_ce2a03cc6941fd0d.txt", "福建省推进医疗联合体建设和发展实施方案", "350000"),
    /** 吉林市推进多层次医疗联合体建设实施方案 (吉市政办发(2017)52号). */
    SEED_001("001_48dd75fd185b0e87.txt", "吉市政办发(2017)52号", "220200"),
    /** 南安市关于进一步推进紧密型县域医疗卫生共同体建设的实施方案 (南卫〔2024〕153号). */
    SEED_002("002_1c303da4a8c826e0.txt", "南卫〔2024〕153号", "350583"),
    /** 温州市人民政府办公室关于推进城市医联体建设的实施意见 (温政办〔2020〕94号). */
    SEED_003("003_ad5aeeb938bbc728.txt", "温政办〔2020〕94号", "330300");

    private final String file;
    private final String document;
    private final RegionCode issuedFor;

    Seed(String file, String document, String issuedFor) {
        this.file = file;
        this.document = document;
        this.issuedFor = new RegionCode(issuedFor);
    }

    /** The file in {@code seeds/}. */
    public String file() {
        return file;
    }

    /** The document's number or title, as a citation. */
    public String document() {
        return document;
    }

    /** The region whose government issued it. */
    public RegionCode issuedFor() {
        return issuedFor;
    }
}
