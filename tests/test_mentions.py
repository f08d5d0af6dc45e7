"""helpers.mentions: what a mention names, one person's names merged, pronouns resolved in bounded time."""

from __future__ import annotations

import pytest

from helpers import mentions
from helpers.mentions import ArticleMentions


@pytest.mark.parametrize("mention, kind", [
    ("she", "pronoun"), ("Donald Trump", "person"), ("the Clinton campaign", "organisation"),
    ("Fox News", "organisation"), ("officials", "group"), ("a spokeswoman", "person"), ("Democrats", "group"),
    ("Polls", "description"), ("the statement", "description"),
    ("a federal judge", "person"), ("the water board's chairman", "person"),  # a role noun heads it, not "federal"
    ("the unions", "group"), ("rival groups", "group"), ("a coalition of nearly 40 groups", "organisation"),
])
def test_kind_of(mention, kind):
    assert mentions.kind_of(mention) == kind


@pytest.mark.parametrize("name, fragment", [
    ("he", True), ("Mr", True), ("U", True), ("Thursday", True), ("the", True), ("president", True),
    ("Ann Lee", False), ("the president", False), ("Story", False),
    ("a member of the", True), ("Lee a", True), ("navigate a", True),  # cut off after a determiner or preposition
    ("Friends of the Park", False), ("Al From", False),  # a capitalised "From" is a name
])
def test_is_fragment(name, fragment):
    assert mentions.is_fragment(name) is fragment


def test_name_words_drop_titles_parentheses_and_possessives():
    assert mentions.name_words("Sen. Chris Murphy (D-Conn.)") == ("Chris", "Murphy")
    assert mentions.name_words("Republican presidential nominee Donald Trump's") == ("Donald", "Trump")
    assert mentions.name_words("Ohio Gov. Pat Novak") == ("Pat", "Novak")  # a place and a title before the name
    assert mentions.name_words("Singing great Gladys Marie Knight") == ("Gladys", "Marie", "Knight")  # a description
    assert mentions.name_words("Ludwig van Beethoven") == ("Ludwig", "van", "Beethoven")  # a particle stays


@pytest.mark.parametrize("mention, gender", [
    ("Mrs. Clinton", "f"), ("Mr. Trump", "m"), ("the spokeswoman", "f"), ("Sen. Bernie Sanders", "m"),
    ("Hillary Clinton", "f"), ("Trump", ""), ("Jordan Lee", ""), ("Press secretary Josh Lane", "m"),
    ("Becky Hall", "f"),
    ("Virginia Gov. Pat Novak", ""),  # a state that is also a given name, before a title
    ("Carol King", "f"), ("Billie Jean King", ""),  # a gendered word in the surname's place is a surname
])
def test_gender_of(mention, gender):
    assert mentions.gender_of(mention) == gender


def test_mentions_of_one_person_merge_and_learn_their_gender():
    m = ArticleMentions()
    assert m.add("Donald J. Trump", 0, salient=True) == "Donald J. Trump"
    assert m.add("Mr. Trump", 50) == "Donald J. Trump"
    assert m.add("Trump", 90) == "Donald J. Trump"
    assert m.genders["Donald J. Trump"] == "m"


def test_pronouns_skip_the_other_gender_and_prefer_speakers():
    m = ArticleMentions()
    m.add("Hillary Clinton", 0, salient=True)
    m.add("Donald Trump", 40)
    assert m.resolve("she", 80) == "Hillary Clinton"
    assert m.resolve("he", 80) == "Donald Trump"
    assert m.resolve("they", 80) == "" and m.resolve("we", 80) == ""


def test_places_are_it_not_he():
    m = ArticleMentions()
    m.add("West Virginia", 0)
    assert m.resolve("he", 30) == "" and m.resolve("it", 30) == "West Virginia"


def test_an_acronym_is_an_organisation_unless_it_is_a_known_name():
    m = ArticleMentions()
    m.add("Ann Lee", 0, salient=True)
    m.add("the CFPB", 40, salient=True)  # "the CFPB fined the bank": no "she"
    assert m.resolve("she", 80) == "Ann Lee" and m.resolve("it", 80) == "CFPB"
    assert m.add("LEE", 120, salient=True) == "Ann Lee"  # a transcript's speaker label
    assert m.resolve("she", 160) == "Ann Lee"


def test_two_names_joined_by_and_are_they():
    m = ArticleMentions()
    m.add("Ann Lee", 0)
    assert m.add("Ann Lee and Bob Ray", 30, salient=True) == "Ann Lee and Bob Ray"
    assert m.resolve("they", 70) == "Ann Lee and Bob Ray" and m.resolve("she", 70) == "Ann Lee"


def test_a_sentence_subject_without_person_evidence_is_no_he_or_she():
    m = ArticleMentions()
    m.add("Ann Lee", 0, salient=True)
    m.add("New Hampshire", 40, salient=True)  # "New Hampshire voted ...": a subject, not a speaker
    assert m.resolve("she", 80) == "Ann Lee" and m.resolve("it", 80) == "New Hampshire"
    m.add("Kowalczyk", 100, salient=True, speaker=True)  # "Kowalczyk said ...": a speaker is a person
    assert m.resolve("she", 140) == "Kowalczyk"


def test_a_description_keeps_its_gender_and_a_web_site_is_an_organisation():
    m = ArticleMentions()
    m.add("Ann Lee", 0, salient=True)
    m.add("her husband", 40, salient=True)
    assert m.resolve("she", 80) == "Ann Lee" and m.resolve("he", 80) == "her husband"
    assert mentions.kind_of("Outsports.com") == "organisation"


def test_a_family_is_they_not_she():
    m = ArticleMentions()
    m.add("Betsy Ebeling", 0, salient=True, speaker=True)
    m.add("the Ebelings", 40, salient=True, speaker=True)
    assert m.resolve("she", 80) == "Betsy Ebeling" and m.resolve("they", 80) == "Ebelings"


def test_a_full_name_with_a_known_given_name_is_not_replaced_by_one_without():
    m = ArticleMentions()
    m.add("Jared Sexton", 0, salient=True)
    m.add("See Sexton", 60)  # "(See Sexton's full timeline below.)"
    assert m.add("Sexton", 120, salient=True) == "Jared Sexton"
    m.add("Ann Sexton", 160, salient=True)  # another person with a known given name: the latest wins
    assert m.add("Sexton", 200) == "Ann Sexton"


def test_resolution_looks_back_a_bounded_window():
    m = ArticleMentions(window=10)
    m.add("Ann Lee", 0, salient=True)
    for i in range(20):
        m.add("Acme Corporation" if i % 2 else "Apex Holdings", 100 + i)  # one name twice running is one entry
    assert m.resolve("she", 500) == ""  # beyond the window: unresolved rather than a full rescan
    assert m.resolve("it", 500) == "Acme Corporation"


def test_a_name_mentioned_again_at_once_is_one_entry_and_a_resolved_pronoun_names_it_again():
    m = ArticleMentions(window=3)
    m.add("Ann Lee", 0, salient=True)
    m.add("Ms. Lee", 20)  # joins the entry before, which stays the subject
    m.add("Acme Corporation", 40)
    assert m.resolve("she", 60) == "Ann Lee"
    m.add("Apex Holdings", 80)
    m.add("Bolt Industries", 90)
    assert m.resolve("she", 100) == "Ann Lee"  # the "she" at 60 named her again, so she is still in the window


def test_word_lists_need_their_keys(tmp_path):
    path = tmp_path / "mentions.yaml"
    path.write_text("titles: [mr]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="mentions.yaml: mention word lists lack"):
        mentions.mention_words(str(path))


@pytest.mark.parametrize("mention, kind", [
    ("Officials in Ohio", "group"), ("six newspapers in New Jersey", "group"),  # not the place after "in"
    ("aides loyal to Ann Lee", "group"), ("a professor at Yale", "person"), ("the governor of Ohio", "person"),
])
def test_a_role_noun_before_a_phrase_heads_the_mention(mention, kind):
    assert mentions.kind_of(mention) == kind


def test_a_collective_noun_is_a_group():
    assert [mentions.kind_of(x) for x in ("the Smith family", "the crowd", "the families")] == ["group"] * 3
