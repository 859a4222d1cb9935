package cn.referral.registry.domain.alliance;

/**
 * The four forms of 医联体 (seed 004 第二条: "医联体包括但不限于城市医疗集团、县域医疗共同体、专科联盟和远程医疗协作网").
 * Only the first two manage a grid (第三条: "城市医疗集团和县域医共体建设应当坚持政府主导，根据区域医疗资源结构布局和群众健康需求实施网格化管理").
 */
public enum AllianceType {
    /** 城市医疗集团 */
    URBAN_MEDICAL_GROUP(true),
    /** 县域医共体 */
    COUNTY_MEDICAL_COMMUNITY(true),
    /** 专科联盟 */
    SPECIALTY_ALLIANCE(false),
    /** 远程医疗协作网 */
    TELEMEDICINE_NETWORK(false);

    private final boolean gridManaged;

    AllianceType(boolean gridManaged) {
        this.gridManaged = gridManaged;
    }

    /** Whether alliances of this type are responsible for 片区 grid cells. */
    public boolean isGridManaged() {
        return gridManaged;
    }
}
