import pytest

from tdkt_emulation.lib.tally import tally_ballots


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
