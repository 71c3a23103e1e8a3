"""The statutory public holidays of a year nobody has announced yet (issue 15).

The State Council publishes each year's arrangement (调休, the exact spans) late in the year before;
until then the calendar does not know that year. Its statutory holidays need no announcement:
《全国年节及纪念日放假办法》 (as revised by 国务院令第 795 号, in force since 2025) fixes them —
元旦 1 January; 春节 four days, 农历除夕 to 正月初三; 清明节 the day of the solar term; 劳动节
1 and 2 May; 端午节 农历五月初五; 中秋节 农历八月十五; 国庆节 1 to 3 October. The lunar dates and the
solar term come from lunar_python. What they cannot know — the make-up working days and the days
bridged to a weekend — is why a deadline counted on them is *provisional* until the year is loaded.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from lunar_python import Lunar, Solar

FIRST_YEAR, LAST_YEAR = 1901, 2099  # what the lunar tables cover


def _lunar(year: int, month: int, day: int) -> date:
    s = Lunar.fromYmd(year, month, day).getSolar()
    return date(s.getYear(), s.getMonth(), s.getDay())


def _qingming(year: int) -> date:
    for d in range(3, 7):
        if Solar.fromYmd(year, 4, d).getLunar().getJieQi() == "清明":
            return date(year, 4, d)
    return date(year, 4, 5)  # never reached for 1901–2099: 清明 falls on 4–6 April


@lru_cache(maxsize=256)
def holidays(year: int) -> dict[date, str]:
    """The statutory holidays of ``year`` (Gregorian), each with its Chinese name."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return {}
    out: dict[date, str] = {date(year, 1, 1): "元旦"}
    new_year = _lunar(year, 1, 1)
    for i in range(-1, 3):  # 除夕, 初一 to 初三
        out[new_year + timedelta(days=i)] = "春节"
    out[_qingming(year)] = "清明节"
    out[date(year, 5, 1)] = out[date(year, 5, 2)] = "劳动节"
    out[_lunar(year, 5, 5)] = "端午节"
    out[_lunar(year, 8, 15)] = "中秋节"
    for d in (1, 2, 3):
        out[date(year, 10, d)] = "国庆节"
    return {d: n for d, n in sorted(out.items()) if d.year == year}
