"""拼音 search keys: typing ``zs`` or ``zhangsan`` finds 张三.

The key is space-separated tokens (full pinyin, initials, then the name itself), each
preceded by a space, so a Latin query matches a token prefix and a Chinese or digit query
matches anywhere. Surnames with
a special reading (曾 zeng, 单 shan, 解 xie…) get it added, since that is how people say them.
"""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin

SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "朴": "piao", "查": "zha", "区": "ou", "盖": "ge",
    "尉": "yu", "乐": "yue", "翟": "zhai", "秘": "bi", "缪": "miao", "覃": "qin", "折": "she", "种": "chong",
    "员": "yun", "召": "shao", "繁": "po", "长": "chang", "任": "ren", "沈": "shen", "洗": "xian", "冼": "xian",
}


def search_key(name: str) -> str:
    name = "".join((name or "").split())
    if not name:
        return ""
    readings = [lazy_pinyin(name, errors="default")]
    surname = SURNAME_READINGS.get(name[0])
    if surname and readings[0][0] != surname:
        readings.append([surname, *readings[0][1:]])
    tokens = []
    for syllables in readings:
        syllables = [s.lower() for s in syllables]
        tokens.append("".join(s[0] for s in syllables if s))
        tokens.append("".join(syllables))
    # Full pinyin first, so ordering by the key orders names the way people look them up.
    full_first = [tokens[1], tokens[0], *tokens[2:]]
    return " " + " ".join([*dict.fromkeys(full_first), name.lower()])


def is_latin_query(text: str) -> bool:
    return text.isascii() and text.isalpha()
