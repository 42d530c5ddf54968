"""Person facts an expression may read beside the answers (filled by the survey service).

Codes follow ``fieldworker.domain.codes``; booleans are true/false. A form may use only
these names and its own question ids: the loader refuses anything else.
"""

from __future__ import annotations

FACTS: dict[str, str] = {
    "age": "周岁年龄（调查年度7月1日）",
    "gender": "性别代码 1男 2女",
    "category": "残疾类别代码 1–7",
    "grade": "残疾等级代码 1–4",
    "sub_categories": "多重残疾的类别列表",
    "certified": "是否持第二代残疾人证（20位证号）",
    "hukou": "户口性质 1农业 2非农业",
    "dibao": "登记为低保",
    "tekun": "登记为特困供养",
    "living_subsidy": "登记享受困难残疾人生活补贴",
    "care_subsidy": "登记享受重度残疾人护理补贴",
    "medical_insured": "登记参加基本医疗保险",
    "pension_status": "养老保险状态代码",
    "family_doctor": "登记签约家庭医生",
    "education_status": "在校状态代码",
    "employment_status": "就业状态代码",
    "phone": "联系电话",
    "guardian_name": "监护人/联系人姓名",
    "guardian_phone": "监护人/联系人电话",
    "housing_status": "住房状况代码 1安全 2危房 3无自有住房",
    "year": "调查年度",
    "name": "姓名",
    "card_number": "残疾人证号（未持证时为身份证号）",
    "head_name": "户主姓名",
    "head_id_number": "户主身份证号",
    "household_size": "家庭户人数",
}
