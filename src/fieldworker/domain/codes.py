"""National code tables used by coded fields. Codes are strings so leading zeros survive.

Sources: GB/T 2261.1 (性别), GB 3304 (民族), GB/T 4761 (家庭关系), the second-generation
残疾人证 (类别/等级), and the 动态更新 form's codes for 就业形式 (R17). Where a table is
the project's own choice it says so.
"""

from __future__ import annotations

from typing import Mapping

GENDER: Mapping[str, str] = {"1": "男", "2": "女"}

DISABILITY_CATEGORY: Mapping[str, str] = {
    "1": "视力残疾", "2": "听力残疾", "3": "言语残疾", "4": "肢体残疾",
    "5": "智力残疾", "6": "精神残疾", "7": "多重残疾",
}
# Sub-categories of a 多重残疾 person are the single categories 1–6.
SINGLE_CATEGORIES = {k: v for k, v in DISABILITY_CATEGORY.items() if k != "7"}

DISABILITY_GRADE: Mapping[str, str] = {"1": "一级", "2": "二级", "3": "三级", "4": "四级"}
SEVERE_GRADES = frozenset({"1", "2"})

_ETHNIC_NAMES = (
    "汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 "
    "哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 "
    "土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 "
    "乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 "
    "珞巴族 基诺族"
).split()
ETHNICITY: Mapping[str, str] = {
    **{f"{i:02d}": name for i, name in enumerate(_ETHNIC_NAMES, start=1)},
    "97": "其他", "98": "外国血统中国籍人士",
}

HUKOU_TYPE: Mapping[str, str] = {"1": "农业", "2": "非农业"}

HOUSING_STATUS: Mapping[str, str] = {"1": "安全住房", "2": "危房", "3": "无自有住房"}

PERSON_STATUS: Mapping[str, str] = {"1": "在册", "2": "死亡", "3": "迁出", "4": "注销"}
ACTIVE_STATUS = "1"

RELATION_TO_HEAD: Mapping[str, str] = {
    "02": "户主", "10": "配偶", "20": "子", "30": "女", "40": "孙子女或外孙子女",
    "50": "父母", "60": "祖父母或外祖父母", "70": "兄弟姐妹", "97": "其他亲属", "99": "非亲属",
}

# Project's own grouping for the person's current insurance state; the survey asks yes/no.
PENSION_INSURANCE: Mapping[str, str] = {
    "1": "已参保缴费", "2": "已领取养老金", "3": "未参保", "9": "不适用（未满16周岁或在校）",
}
MEDICAL_INSURANCE: Mapping[str, str] = {"1": "已参保", "2": "未参保"}

# Project's own list for children's schooling, aligned with the survey's 就读学校/未入学 items.
EDUCATION_STATUS: Mapping[str, str] = {
    "1": "普通学校在读", "2": "特殊教育学校在读", "3": "送教上门", "4": "未入学",
    "5": "辍学", "6": "已毕业或非学龄",
}
IN_SCHOOL = frozenset({"1", "2", "3"})

# 1–7 are the 就业形式 codes of the 动态更新 form (R17); 8/9 are the project's.
EMPLOYMENT_STATUS: Mapping[str, str] = {
    "1": "按比例就业", "2": "集中就业", "3": "个体就业（含自主创业）", "4": "公益性岗位就业",
    "5": "辅助性就业", "6": "农村种养加", "7": "灵活就业", "8": "未就业", "9": "不适用（非劳动年龄或在校）",
}
EMPLOYED = frozenset({"1", "2", "3", "4", "5", "6", "7"})

REGION_LEVEL: Mapping[str, str] = {"village": "村/社区", "township": "乡镇/街道", "county": "县/区"}


def label(table: Mapping[str, str], code: str | None) -> str:
    if code is None or code == "":
        return ""
    return table.get(code, f"未知代码({code})")


def require(table: Mapping[str, str], code: str | None, *, field: str, what: str, optional: bool = False) -> None:
    from fieldworker.domain.errors import ValidationError

    if code in (None, ""):
        if optional:
            return
        raise ValidationError("code_missing", f"请选择{what}", field)
    if code not in table:
        raise ValidationError("code_unknown", f"{what}代码“{code}”不在代码表中", field)

# Chinese names of record fields, for change histories, error reports and exports.
FIELD_LABELS: Mapping[str, str] = {
    "name": "姓名", "gender": "性别", "ethnicity": "民族", "birth_date": "出生日期", "id_number": "身份证号",
    "card_number": "残疾人证号", "category": "残疾类别", "sub_categories": "多重残疾类别", "grade": "残疾等级",
    "relation_to_head": "与户主关系", "phone": "联系电话", "guardian_name": "监护人", "guardian_phone": "监护人电话",
    "status": "人员状态", "status_date": "变动日期", "living_subsidy": "困难残疾人生活补贴",
    "care_subsidy": "重度残疾人护理补贴", "dibao": "低保", "pension_insurance": "城乡居民养老保险",
    "medical_insurance": "基本医疗保险", "family_doctor": "家庭医生签约", "education_status": "受教育状态",
    "employment_status": "就业状态", "notes": "备注", "household_id": "所属家庭户", "region_code": "区划代码",
    "head_name": "户主姓名", "head_id_number": "户主身份证号", "address": "住址", "hukou_type": "户籍类型",
    "members_count": "家庭人口数", "income_per_capita": "人均年收入（元）", "tekun": "特困供养",
    "housing_status": "住房状况", "deleted": "已删除", "deleted_at": "删除时间",
}
