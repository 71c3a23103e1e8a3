"""Resident ID numbers (GB 11643), unified social credit codes (GB 32100), phones and masks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from stdnum.cn import ric, uscc

from server import clock
from server.domain.accounts import errors
from server.domain.accounts.identifiers import (
    check_credit_code,
    check_phone,
    mask_id_number,
    mask_name,
    mask_phone,
    parse_id_number,
)
from server.domain.errors import DomainError


def with_check(first17: str) -> str:
    """Append the right GB 11643 check character."""
    return first17 + ric.calc_check_digit(first17 + "0")


def uscc_with_check(first17: str) -> str:
    return first17 + uscc.calc_check_digit(first17)


def refused(call: object, *args: object, **kwargs: object) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    return caught.value


# --- resident ID numbers ---------------------------------------------------------------------------


def test_a_valid_number_gives_birth_date_and_sex() -> None:
    rid = parse_id_number("11010519491231002X")
    assert rid.number == "11010519491231002X"
    assert rid.birth_date == date(1949, 12, 31)
    assert rid.sex == "F"  # 17th digit 2: even
    man = parse_id_number(with_check("37152519800101123"))
    assert man.sex == "M" and man.birth_date == date(1980, 1, 1)


def test_lower_case_x_and_spaces_are_accepted_and_normalised() -> None:
    assert parse_id_number("11010519491231002x").number == "11010519491231002X"
    assert parse_id_number(" 110105 19491231 002x ").number == "11010519491231002X"


def test_local_numbers_of_people_born_before_the_codes_existed_pass() -> None:
    # 371525 (冠县) dates from 1997; a number keeps the code of where it was first issued, so a
    # 1960 birth date with it is ordinary (python-stdnum's validate() refuses it)
    for first17 in ("37152519600101123", "37152219450615002", "37150219991231001", "37250119700101001"):
        assert parse_id_number(with_check(first17)).number == with_check(first17)


@pytest.mark.parametrize(
    "number", ["1101051949123100", "11010519491231002", "11010519491231002X1", "", "110105491231002"]
)
def test_wrong_length_is_refused(number: str) -> None:
    e = refused(parse_id_number, number)
    assert e.code == errors.INVALID_ID_NUMBER and "18 位" in e.message and e.field == ["idNumber"]


def test_a_fifteen_digit_first_generation_number_is_refused() -> None:
    e = refused(parse_id_number, "110105491231002")
    assert e.code == errors.INVALID_ID_NUMBER and "18 位" in e.message


@pytest.mark.parametrize(
    "first17", ["11010519490230002", "11010519491301002", "11010519490000002", "37152520230229001"]
)
def test_a_birth_date_that_does_not_exist_is_refused(first17: str) -> None:
    e = refused(parse_id_number, with_check(first17))  # right check character, impossible date
    assert e.code == errors.INVALID_ID_NUMBER and "出生日期" in e.message


def test_a_birth_date_after_today_is_refused() -> None:
    tomorrow = clock.today() + timedelta(days=1)  # China's today, as the server counts it (not the host's)
    e = refused(parse_id_number, with_check(f"371525{tomorrow:%Y%m%d}001"))
    assert "晚于今天" in e.message


def test_a_birth_year_before_1900_is_refused() -> None:
    e = refused(parse_id_number, with_check("37152518991231001"))
    assert "出生日期" in e.message


def test_a_wrong_check_character_is_refused() -> None:
    good = "11010519491231002X"
    for wrong in "0123456789":
        e = refused(parse_id_number, good[:17] + wrong)
        assert e.code == errors.INVALID_ID_NUMBER and "校验位" in e.message


@pytest.mark.parametrize(
    "number", ["1101051949A231002X", "11010519491231002Y", "X1010519491231002X", "１１0105194912310020"]
)
def test_letters_or_other_characters_are_refused(number: str) -> None:
    e = refused(parse_id_number, number)
    assert e.code == errors.INVALID_ID_NUMBER and "格式" in e.message


def test_the_field_path_is_the_callers() -> None:
    assert refused(parse_id_number, "1", "legalRepIdNumber").field == ["legalRepIdNumber"]


# --- unified social credit codes -------------------------------------------------------------------


@pytest.mark.parametrize(
    "code", ["91110000600037341L", "91350100M000100Y43", uscc_with_check("91371525MA3C12340")]
)
def test_valid_credit_codes(code: str) -> None:
    assert check_credit_code(code) == code


def test_credit_code_is_normalised() -> None:
    assert check_credit_code(" 91110000600037341l ") == "91110000600037341L"


def test_a_wrong_credit_code_check_character_is_refused() -> None:
    e = refused(check_credit_code, "91110000600037341M")
    assert e.code == errors.INVALID_CREDIT_CODE and "校验位" in e.message and e.field == ["creditCode"]


@pytest.mark.parametrize("letter", list("IOZSV"))
def test_letters_the_standard_leaves_out_are_refused(letter: str) -> None:
    e = refused(check_credit_code, "9137152500000" + letter + "0001")
    assert e.code == errors.INVALID_CREDIT_CODE and "不允许的字符" in e.message


@pytest.mark.parametrize("code", ["9111000060003734", "91110000600037341", "91110000600037341L0", ""])
def test_a_credit_code_of_the_wrong_length_is_refused(code: str) -> None:
    e = refused(check_credit_code, code)
    assert e.code == errors.INVALID_CREDIT_CODE and "18 位" in e.message


def test_letters_in_the_registration_authority_part_are_refused() -> None:
    assert refused(check_credit_code, "91A10000600037341L").code == errors.INVALID_CREDIT_CODE


def test_a_code_on_the_exception_list_passes_as_it_is() -> None:
    early = "91110000600037341M"  # fails the check character
    assert check_credit_code(early, exceptions={early}) == early
    assert check_credit_code(early.lower(), exceptions={early}) == early
    assert (
        refused(check_credit_code, early, exceptions={"91110000600037341A"}).code
        == errors.INVALID_CREDIT_CODE
    )


# --- phones and masks ------------------------------------------------------------------------------


def test_phones() -> None:
    assert check_phone("138 0013 8000") == "13800138000"
    assert check_phone("+8613800138000") == "13800138000"
    assert check_phone("138-0013-8000") == "13800138000"
    for bad in ("12800138000", "1380013800", "138001380001", "", "1380013800a"):
        assert refused(check_phone, bad).code == errors.INVALID_PHONE


def test_masks() -> None:
    assert mask_id_number("37152519800101123X") == "3715**********123X"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_name("阿依古丽·买买提") == "阿*******"
    assert mask_id_number(None) is None and mask_phone(None) is None and mask_name(None) is None
