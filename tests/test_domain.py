import pytest
from hypothesis import given
from hypothesis import strategies as st

from smederij_cli import domain as d
from smederij_cli.errors import InvalidInput, NotAllowed

weights = st.lists(st.integers(min_value=0, max_value=100_000), min_size=1, max_size=40).map(
    lambda ws: [(f"s{i:02d}", w) for i, w in enumerate(ws)])


@given(st.integers(min_value=0, max_value=10**11), weights, st.integers(0, 10**7))
def test_split_adds_up_to_the_total_to_the_cent(total, weights, base):
    if base * len(weights) > total:
        with pytest.raises(InvalidInput):
            d.split_total(total, weights, base)
        return
    shares = d.split_total(total, weights, base)
    assert sum(shares.values()) == total
    assert list(shares) == [k for k, _ in weights]
    rest = total - base * len(weights)
    weight_sum = sum(w for _, w in weights) or len(weights)
    for key, w in weights:
        exact = rest * (w if sum(x for _, x in weights) else 1) / weight_sum
        assert shares[key] >= base
        assert abs(shares[key] - base - exact) < 1  # largest remainder: never a cent off


def test_split_is_weighted_by_inhabitants_and_ties_go_to_the_first():
    assert d.split_total(100, [("a", 1), ("b", 1), ("c", 1)]) == {"a": 34, "b": 33, "c": 33}
    assert d.split_total(1000, [("a", 3), ("b", 1)], base_cents=100) == {"a": 700, "b": 300}
    assert d.split_total(10, [("a", 0), ("b", 0)]) == {"a": 5, "b": 5}


def test_split_needs_someone_to_split_over():
    with pytest.raises(NotAllowed):
        d.split_total(100, [])


@pytest.mark.parametrize("step, status, target", [
    ("approve", "proposed", "approved"), ("reject", "proposed", "rejected"),
    ("withdraw", "proposed", "withdrawn"), ("start", "approved", "in_progress"),
    ("withdraw", "approved", "withdrawn"), ("complete", "in_progress", "completed"),
    ("withdraw", "in_progress", "withdrawn"),
])
def test_lifecycle_steps_that_are_allowed(step, status, target):
    assert d.next_status(step, status, 1) == target


@pytest.mark.parametrize("step, status", [
    ("approve", "approved"), ("start", "proposed"), ("complete", "approved"),
    ("reject", "approved"), ("approve", "completed"), ("withdraw", "completed"),
    ("withdraw", "rejected"), ("start", "withdrawn"), ("complete", "completed"),
])
def test_lifecycle_steps_that_are_refused_name_what_is_possible(step, status):
    with pytest.raises(NotAllowed, match=f"project 7 is {status}; cannot {step}"):
        d.next_status(step, status, 7)


def test_account_names_follow_the_domain_model():
    assert d.available_account(2026, "krakeel", "korte-klap") == "2026:krakeel:korte-klap:available"
    assert d.committed_account(2026, "pesse", "lange-klap", 4) == "2026:pesse:lange-klap:committed:4"
    assert d.funding_account("korte-klap") == "funding:korte-klap"
