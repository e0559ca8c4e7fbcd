"""Options derived from ``Param`` declarations of every kind, including types this API's operations do not use."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import List, NoReturn

import pytest

from criteo_api_marketingsolutions_v2020_10.cli._body import render_location
from criteo_api_marketingsolutions_v2020_10.cli._params import add_parameter_option, parameter_dest, type_label
from criteo_api_marketingsolutions_v2020_10.endpoint import Param

PARAMS = [
    Param("ids", "ids", "query", "[int]", required=True, description="Ids"),
    Param("kinds", "kinds", "query", "[str]", enum=("a", "b"), description="Kinds"),
    Param("day", "day", "query", "date", description="A day"),
    Param("since", "since", "query", "datetime", description="Since when"),
    Param("ratio", "ratio", "query", "float", description="A ratio, in %"),
    Param("level", "level", "query", "int", enum=(1, 2, 3), description="A level"),
    Param("extra", "extra", "query", "object", description="Free-form"),
    Param("flag", "flag", "header", "bool", description="A flag"),
]


class Refused(Exception):
    """What the test parser raises instead of exiting."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise Refused(message)


@pytest.fixture
def parser() -> Parser:
    parser = Parser(prog="test")
    for param in PARAMS:
        add_parameter_option(parser, param)
    return parser


def values(parser: Parser, words: List[str]) -> dict:
    args = parser.parse_args(words)
    return {p.name: getattr(args, parameter_dest(p.name)) for p in PARAMS}


def test_each_type_is_read_as_declared(parser: Parser) -> None:
    got = values(parser, [
        "--ids", "1,2", "--ids", "3", "--kinds", "b,a", "--day", "2021-03-01", "--since", "2021-03-01T10:00:00Z",
        "--ratio", "0.25", "--level", "2", "--extra", '{"k": [1, 2]}', "--flag", "FALSE",
    ])
    assert got == {
        "ids": [1, 2, 3], "kinds": ["b", "a"], "day": dt.date(2021, 3, 1),
        "since": dt.datetime(2021, 3, 1, 10, tzinfo=dt.timezone.utc), "ratio": 0.25, "level": 2,
        "extra": {"k": [1, 2]}, "flag": False,
    }


def test_what_is_not_given_stays_unset(parser: Parser) -> None:
    got = values(parser, ["--ids", "7"])
    assert got["ids"] == [7] and all(value is None for name, value in got.items() if name != "ids")


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ([], "the following arguments are required: --ids"),
        (["--ids", "1,x"], "argument --ids: expected an integer, got 'x'"),
        (["--ids", "1", "--kinds", "a,c"], "argument --kinds: invalid choice: 'c' (choose from 'a', 'b')"),
        (["--ids", "1", "--day", "01/03/2021"], "argument --day: expected a date as YYYY-MM-DD, got '01/03/2021'"),
        (["--ids", "1", "--since", "yesterday"], "argument --since: expected an ISO 8601 date-time, got 'yesterday'"),
        (["--ids", "1", "--ratio", "nan"], "argument --ratio: expected a number, got 'nan'"),
        (["--ids", "1", "--level", "4"], "argument --level: invalid choice: 4 (choose from 1, 2, 3)"),
        (["--ids", "1", "--extra", "[1]"], "argument --extra: at the top level: expected a JSON object, got an array of 1 items"),
    ],
)
def test_bad_values_name_the_option(parser: Parser, words: List[str], message: str) -> None:
    with pytest.raises(Refused) as refused:
        parser.parse_args(words)
    assert str(refused.value) == message


def test_help_names_type_requiredness_and_where_the_value_goes(parser: Parser) -> None:
    text = " ".join(parser.format_help().split())
    assert "--ids INT[,...] Ids (list of int, comma-separated, repeatable, required; query parameter ids)" in text
    assert "--kinds {a,b}[,...] Kinds" in text
    assert "--ratio NUMBER A ratio, in % (float, optional; query parameter ratio)" in text
    assert "--flag {true,false} A flag (bool, optional; header parameter flag)" in text


def test_type_labels_and_locations() -> None:
    assert [type_label(t) for t in ("int", "[str]", "NewAudienceRequest")] == [
        "int", "list of str, comma-separated, repeatable", "NewAudienceRequest as JSON",
    ]
    assert [render_location(p) for p in ([], ["data"], ["data", 0, "id"], [2, "name"])] == [
        "the top level", "data", "data[0].id", "[2].name",
    ]
