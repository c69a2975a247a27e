import pytest

from tdkt_emulation.lib.tally import quorum_required, tally_ballots


@pytest.mark.parametrize(
    ("choices", "members", "threshold", "share", "passed"),
    [
        # 7 members, 2 absent: absent members count against
        (["agree"] * 5, 7, 70, 71.43, True),
        (["agree"] * 4 + ["disagree"] * 3, 7, 70, 57.14, False),
        # exactly at the threshold passes, whatever floats would say
        (["agree"] * 9 + ["disagree"], 10, 90, 90.0, True),
        (["agree"] * 8 + ["abstain"] * 2, 10, 80, 80.0, True),
        (["agree"] * 7 + ["abstain"] * 3, 10, 70.01, 70.0, False),
        (["agree"] * 2, 3, 66.67, 66.67, False),
        (["agree"] * 2, 3, 66.66, 66.67, True),
        # abstentions and blank ballots are not agreement
        (["abstain"] * 7, 7, 70, 0.0, False),
        ([], 7, 70, 0.0, False),
        (["agree"] * 7, 7, 100, 100.0, True),
    ],
)
def test_share_over_all_members(choices, members, threshold, share, passed):
    tally = tally_ballots(choices, members, threshold)
    assert tally.share == share
    assert tally.passed is passed
    assert tally.valid == len(choices)
    assert tally.members == members


def test_counts_each_choice():
    tally = tally_ballots(["agree", "disagree", "abstain", "agree"], 5, 50)
    assert (tally.agree, tally.disagree, tally.abstain, tally.valid) == (2, 1, 1, 4)


@pytest.mark.parametrize(
    ("choices", "members", "threshold", "message"),
    [
        (["maybe"], 3, 70, "unknown ballot choice"),
        (["agree"] * 4, 3, 70, "4 ballots for 3 members"),
        ([], 0, 70, "without members"),
        (["agree"], 3, 0, "not a percentage"),
        (["agree"], 3, 101, "not a percentage"),
    ],
)
def test_refuses_impossible_tallies(choices, members, threshold, message):
    with pytest.raises(ValueError, match=message):
        tally_ballots(choices, members, threshold)


def test_written_opinions_count_as_ballots_over_all_members():
    # 7 present agree, 3 absent of whom one agrees in writing: 8 of 10 members
    assert not tally_ballots(["agree"] * 7, 10, 80).passed
    tally = tally_ballots(["agree"] * 8, 10, 80)
    assert (tally.share, tally.passed, tally.base) == (80.0, True, 10)


@pytest.mark.parametrize(
    ("exclude", "base", "share", "passed"),
    [(False, 10, 70.0, False), (True, 9, 77.78, False)],
)
def test_recused_members_and_the_share_s_denominator(exclude, base, share, passed):
    tally = tally_ballots(["agree"] * 7 + ["disagree"] * 2, 10, 80, 1, exclude)
    assert (tally.recused, tally.base, tally.share, tally.passed) == (
        1,
        base,
        share,
        passed,
    )
    assert tally_ballots(["agree"] * 8, 10, 80, 1, True).passed
    assert tally_ballots(["agree"] * 8, 10, 80, 1, False).passed


def test_a_recused_member_cannot_add_a_ballot():
    with pytest.raises(ValueError, match="9 members who may vote"):
        tally_ballots(["agree"] * 10, 10, 80, 1)
    with pytest.raises(ValueError, match="recused"):
        tally_ballots([], 2, 80, 3)
    with pytest.raises(ValueError, match="nobody may vote"):
        tally_ballots([], 2, 80, 2, True)


@pytest.mark.parametrize(
    ("members", "percent", "required"),
    [(10, 80, 8), (9, 80, 8), (10, 0, 0), (7, 66.67, 5), (3, 100, 3), (5, 50, 3)],
)
def test_quorum_required(members, percent, required):
    assert quorum_required(members, percent) == required
