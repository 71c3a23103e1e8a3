"""Chinese identifiers: resident ID numbers (GB 11643), unified social credit codes (GB 32100),
mobile phone numbers; and how each is masked when shown to someone who may not see it whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError

from server import clock
from server.domain.accounts import errors
from server.domain.errors import DomainError

_PHONE = re.compile(r"^1[3-9]\d{9}$")
_ID_NUMBER = re.compile(r"^[0-9]{17}[0-9X]$")


@dataclass(frozen=True, slots=True)
class ResidentId:
    number: str  # normalised: 18 characters, upper-case X
    birth_date: date
    sex: str  # "M" or "F" (the 17th digit: odd for men)


def parse_id_number(raw: str, field: str = "idNumber") -> ResidentId:
    """Validate a resident ID number: length, digits, the check character, a real birth date.

    Not ``stdnum.cn.ric.validate``: that also requires the address code to have existed in the
    birth year, which refuses most adults of Liaocheng (371500 and its counties date from 1997,
    while an ID number keeps the address code of where it was first issued, years after birth).
    """
    text = re.sub(r"\s", "", raw or "").upper()
    if len(text) != 18:
        raise DomainError(errors.INVALID_ID_NUMBER, "居民身份证号码应为 18 位", [field])
    if not _ID_NUMBER.match(text):
        raise DomainError(errors.INVALID_ID_NUMBER, "居民身份证号码格式不正确（前 17 位为数字，末位为数字或 X）", [field])
    if ric.calc_check_digit(text) != text[17]:
        raise DomainError(errors.INVALID_ID_NUMBER, "居民身份证号码校验位不正确，请核对", [field])
    try:
        birth = ric.get_birth_date(text)
    except ValidationError:
        birth = None
    if birth is None or birth.year < 1900:
        raise DomainError(errors.INVALID_ID_NUMBER, "居民身份证号码中的出生日期不存在", [field])
    if birth > clock.today():
        raise DomainError(errors.INVALID_ID_NUMBER, "居民身份证号码中的出生日期晚于今天", [field])
    return ResidentId(number=text, birth_date=birth, sex="M" if int(text[16]) % 2 else "F")


def check_credit_code(raw: str, *, exceptions: set[str] | frozenset[str] = frozenset(), field: str = "creditCode") -> str:
    """Validate a unified social credit code; codes on the admins' exception list pass as they are."""
    text = (raw or "").strip().upper()
    if text in exceptions:
        return text
    try:
        return uscc.validate(text)
    except InvalidLength:
        raise DomainError(errors.INVALID_CREDIT_CODE, "统一社会信用代码应为 18 位", [field]) from None
    except InvalidChecksum:
        raise DomainError(errors.INVALID_CREDIT_CODE, "统一社会信用代码校验位不正确，请核对", [field]) from None
    except (InvalidFormat, InvalidComponent, ValidationError):
        raise DomainError(
            errors.INVALID_CREDIT_CODE, "统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）", [field]
        ) from None


def check_phone(raw: str, field: str = "phone") -> str:
    text = re.sub(r"[\s-]", "", (raw or "")).removeprefix("+86")
    if not _PHONE.match(text):
        raise DomainError(errors.INVALID_PHONE, "请输入 11 位手机号码", [field])
    return text


def mask_id_number(number: str | None) -> str | None:
    """3715**********123X: the region prefix and the last four stay."""
    if not number:
        return number
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_phone(phone: str | None) -> str | None:
    """138****5678."""
    if not phone:
        return phone
    return phone[:3] + "****" + phone[-4:]


def mask_name(name: str | None) -> str | None:
    """张*, 李**: the first character stays, every other one is starred."""
    if not name:
        return name
    return name[0] + "*" * (len(name) - 1)
