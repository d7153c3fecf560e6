"""Leicester-like requests for the LLM-layer tests (built by hand: no dependency on the facts
module). Figures follow the Leicester reference figures of the report spec."""

from __future__ import annotations

from narrator.llm.base import ChildText, GenerationRequest
from narrator.models import Authority, Fact, FactSheet

LEICESTER = Authority(
    code="E06000016", name="Leicester", region_code="E12000004", region_name="East Midlands"
)

_M = "requests for support from people aged 65+"
_L = "people aged 65+ receiving long-term support"


def _f(fid: str, kind: str, hint: str, **kw) -> Fact:
    # ids follow narrator.facts: "<chart>:<series>:<kind>[:comparator]"
    return Fact(
        id="op_need:" + fid.replace(".", ":"),
        kind=kind,
        text_hint=hint,
        subject=LEICESTER.code,
        **kw,
    )


def op_need_sheet(label: str = _M) -> FactSheet:
    """Older people's requests and receipt of care (op_need)."""
    per = "adults aged 65+"
    facts = [
        _f(
            "requests.value",
            "value",
            f"Leicester had 2,199 {label} for every 100,000 adults aged 65+ in 2023-24.",
            measure=label,
            period="2023-24",
            value=2199,
            unit="per_100k",
            denominator=per,
        ),
        _f(
            "requests.england",
            "comparator_value",
            "The England average was 2,438 for every 100,000 adults aged 65+.",
            measure=label,
            period="2023-24",
            value=2438,
            unit="per_100k",
            denominator=per,
            comparator="england",
            comparator_name="England",
        ),
        _f(
            "requests.direction",
            "direction",
            "Leicester was below the England average.",
            measure=label,
            period="2023-24",
            comparator="england",
            comparator_name="England",
            direction="below",
        ),
        _f(
            "requests.difference",
            "difference",
            "That is 239 fewer for every 100,000, or about 10% lower.",
            measure=label,
            period="2023-24",
            value=-239,
            unit="per_100k",
            denominator=per,
            comparator="england",
            comparator_name="England",
        ),
        _f(
            "lts.value",
            "value",
            "1,676 adults aged 65+ were receiving long-term support for "
            "every 100,000 adults aged 65+ in 2023-24.",
            measure=_L,
            period="2023-24",
            value=1676,
            unit="per_100k",
            denominator=per,
        ),
        _f(
            "lts.england",
            "comparator_value",
            "The England average was 1,898 for every 100,000 adults aged 65+.",
            measure=_L,
            period="2023-24",
            value=1898,
            unit="per_100k",
            denominator=per,
            comparator="england",
            comparator_name="England",
        ),
        _f(
            "lts.direction",
            "direction",
            "Leicester was below the England average.",
            measure=_L,
            period="2023-24",
            comparator="england",
            comparator_name="England",
            direction="below",
        ),
        _f(
            "share65.value",
            "value",
            "12.1% of Leicester's residents were aged 65 or over in 2021.",
            measure="share of residents aged 65+",
            period="2021",
            value=12.1,
            unit="percent",
            denominator="residents",
        ),
        _f(
            "share65.england",
            "comparator_value",
            "Across England it was 18.4%.",
            measure="share of residents aged 65+",
            period="2021",
            value=18.4,
            unit="percent",
            denominator="residents",
            comparator="england",
            comparator_name="England",
        ),
        _f(
            "share65.direction",
            "direction",
            "Leicester had a smaller share than England.",
            measure="share of residents aged 65+",
            period="2021",
            comparator="england",
            comparator_name="England",
            direction="below",
        ),
        _f(
            "requests.rank",
            "rank",
            "Leicester ranked 98th of 153 councils (1 = highest).",
            measure=label,
            period="2023-24",
            value=98,
            unit="rank",
            comparator="councils",
            detail={"of": 153},
        ),
    ]
    return FactSheet(
        authority=LEICESTER,
        chart_id="op_need",
        section="People with needs",
        chart_title="Requests and receipt of care (65+)",
        status="ok",
        facts=facts,
    )


def no_data_sheet() -> FactSheet:
    return FactSheet(
        authority=LEICESTER,
        chart_id="framework_rates",
        section="Care providers",
        chart_title="Framework rates",
        status="no_la_data",
        facts=[
            _f("no_data", "no_data", "There is no data on framework rates for individual councils.")
        ],
    )


def chart_request(sheet: FactSheet | None = None, **kw) -> GenerationRequest:
    return GenerationRequest(
        kind="chart", authority=LEICESTER, fact_sheets=[sheet or op_need_sheet()], **kw
    )


def section_request(**kw) -> GenerationRequest:
    sheet = op_need_sheet()
    child = ChildText(
        id="t1",
        kind="chart",
        chart_id="op_need",
        title=sheet.chart_title,
        body="Leicester had 2,199 requests for support from people aged 65+ for "
        "every 100,000 adults aged 65+ in 2023-24.",
    )
    return GenerationRequest(
        kind="section",
        authority=LEICESTER,
        section="People with needs",
        fact_sheets=[sheet, no_data_sheet()],
        children=[child],
        **kw,
    )


def overall_request(**kw) -> GenerationRequest:
    child = ChildText(
        id="s1",
        kind="section",
        section="People with needs",
        title="People with needs",
        body="### Older people\nLeicester had 2,199 "
        "requests for every 100,000 adults aged 65+ in 2023-24.",
    )
    return GenerationRequest(
        kind="overall", authority=LEICESTER, fact_sheets=[op_need_sheet()], children=[child], **kw
    )
