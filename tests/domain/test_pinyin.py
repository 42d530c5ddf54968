from fieldworker.domain.pinyin import is_latin_query, search_key


def test_key_has_initials_and_full_pinyin_as_token_prefixes():
    key = search_key("张三")
    assert " zs" in key and " zhangsan" in key and "张三" in key


def test_surname_reading_is_added_for_polyphonic_surnames():
    key = search_key("曾小明")
    assert " zxm" in key and " zengxiaoming" in key


def test_key_starts_with_full_pinyin_so_sorting_follows_pinyin():
    names = ["张三", "安娜", "李四"]
    assert sorted(names, key=search_key) == ["安娜", "李四", "张三"]


def test_latin_query_detection():
    assert is_latin_query("zs") and not is_latin_query("张") and not is_latin_query("3305")
