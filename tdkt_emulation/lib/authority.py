"""Who grants which titles and forms: the levels of deciding authority."""

# Who grants a title or form (Law 2022 Art 80), from the lowest: a decision may grant what
# its issuing authority's level or a lower one grants.
AUTHORITY_LEVELS = [
    ("commune", "Chairman of the commune People's Committee"),
    ("agency", "Head of the agency or department"),
    ("province", "Chairman of the provincial People's Committee"),
    ("prime_minister", "Prime Minister"),
    ("president", "President"),
]
AUTHORITY_RANKS = {level: rank for rank, (level, _name) in enumerate(AUTHORITY_LEVELS)}
# Who grants a title of each level when no rule of the regime says it.
LEVEL_AUTHORITIES = {
    "grassroots": "agency",
    "provincial": "province",
    "national": "prime_minister",
}
