"""Pinyin and query normalisation."""

from __future__ import annotations

import pytest

from server.domain.catalog.search import normalise_query, pinyin_full, pinyin_initials, search_columns


def test_pinyin() -> None:
    assert pinyin_full("营业执照") == "yingyezhizhao"
    assert pinyin_initials("营业执照") == "yyzz"
    assert pinyin_full("银行开户") == "yinhangkaihu"  # 行 read as hang in 银行


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(" Ying'Ye ZhiZhao ", "yingyezhizhao"), ("ＹＹＺＺ", "yyzz"), ("营业 执照", "营业执照"), ("50%_\\", "50"), ("%", ""), ("營業執照", "营业执照"), ("戶口 遷移", "户口迁移")],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise_query(raw) == expected


def test_search_columns_keep_keywords_and_their_pinyin_apart() -> None:
    cols = search_columns(name="公司设立登记", keywords=["开公司", "营业执照"], texts=["有限责任公司"])
    assert cols["s_name"] == "公司设立登记" and cols["s_name_ab"] == "gssldj"
    assert "|开公司|" in cols["s_kw"] and "|kaigongsi|" in cols["s_kw"] and "|yyzz|" in cols["s_kw"]
    assert cols["s_text"] == "有限责任公司"
